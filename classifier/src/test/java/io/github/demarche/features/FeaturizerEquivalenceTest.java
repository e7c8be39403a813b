package io.github.demarche.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The featurizer must emit exactly the features of the pre-optimisation featurizer (kept as
 * {@link ReferenceFeaturizer}): the same hashes with the same multiplicities, for every feature
 * configuration, so models trained before keep scoring the same.
 */
class FeaturizerEquivalenceTest {

  static List<String> texts() {
    String dir = System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements");
    List<String> out = new ArrayList<>();
    for (Example e : Datasets.read(Path.of(dir, "train.jsonl").toString())) {
      out.add(e.text());
    }
    out.addAll(List.of(
        "We don't accept it; they can't and won't... not now!?",
        "  leading and trailing   spaces\t\ttabs\nnew\r\nlines  ",
        "Ünïcödé İstanbul ΑΘΗΝΑ straße ǅemal — «quotes» “curly” 'single'",
        "digits 12,500.75 and 3rd 2x4 a1b2 ...... !!! ?! -- ++",
        "surrogates \uD83D\uDE00\uD83D\uDE00 and lone \uD800 high \uDC00 low",
        "non-breaking\u00A0space and\u2007figure\u202Fnarrow\u3000ideographic",
        "x", ".", "'t", "no", "NOT condemned never accused, without concern"));
    // random strings over a mixed alphabet, to reach corners the corpus does not
    SplittableRandom random = new SplittableRandom(7);
    char[] alphabet = "aZ9 .,'!?\t\n-é\u00A0\u0130ß\uD83D\uDE00Ωnot".toCharArray();
    for (int i = 0; i < 300; i++) {
      char[] s = new char[1 + random.nextInt(60)];
      for (int j = 0; j < s.length; j++) {
        s[j] = alphabet[random.nextInt(alphabet.length)];
      }
      out.add(new String(s));
    }
    return out;
  }

  static List<FeatureConfig> configs() {
    return List.of(
        FeatureConfig.defaults(),
        new FeatureConfig(1, 0, 0, 0, 0, false),
        new FeatureConfig(3, 2, 4, 1, 4, true),
        new FeatureConfig(4, 1, 8, 0, 1, true),
        new FeatureConfig(2, 3, 3, 1, 6, false),
        new FeatureConfig(2, 0, 0, 1, 5, true, 1),
        new FeatureConfig(2, 0, 0, 1, 5, true, 2));
  }

  private static long[] sorted(long[] a) {
    long[] c = a.clone();
    Arrays.sort(c);
    return c;
  }

  @Test
  void emitsTheSameFeatureMultisetAsTheReferenceForEveryConfiguration() {
    List<String> texts = texts();
    for (FeatureConfig config : configs()) {
      Featurizer fast = new Featurizer(config);
      ReferenceFeaturizer reference = new ReferenceFeaturizer(config);
      for (String text : texts) {
        for (String target : Arrays.asList(null, "Russia", " the Security Council ")) {
          long[] expected =
              reference.features(text, target).stream().mapToLong(Long::longValue).toArray();
          long[] got = fast.features(text, target);
          assertArrayEquals(sorted(expected), sorted(got),
              () -> config + " on [" + text + "] target " + target);
        }
      }
    }
  }
}
