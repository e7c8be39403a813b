import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.features.*;
import java.util.*;

/**
 * How much the CAMEO verb features cost the featurizer (docs/quality.md, Cost): the corpus
 * statements featurized 30 times with features.cameo_verbs 0, 1 and 2 in turn, the first 10
 * rounds left out, reported as ratios to the time without (only ratios mean anything on a loaded
 * machine). Run from the repository root after `./mvnw -o -q -pl cli -am package -DskipTests`:
 * {@code java -cp cli/target/demarche-cli-0.1.0-SNAPSHOT-all.jar docs/experiments/CameoCost.java}.
 * Scratch tooling, not part of the build.
 */
public class CameoCost {
  public static void main(String[] a) throws Exception {
    List<Example> ex = Datasets.readAll(List.of("data/diplomatic-statements/train.jsonl", "data/diplomatic-statements/dev.jsonl"));
    FeatureConfig d = FeatureConfig.defaults();
    Featurizer[] f = new Featurizer[3];
    for (int v = 0; v < 3; v++) f[v] = new Featurizer(new FeatureConfig(d.wordNgrams(), 0, 0, d.cueLexicon(), d.stemLength(), d.targetConjunctions(), v));
    FeatureBuffer buf = new FeatureBuffer();
    long[] ns = new long[3]; long[] feats = new long[3];
    for (int round = 0; round < 30; round++) {
      for (int v = 0; v < 3; v++) {
        long t0 = System.nanoTime(); long c = 0;
        for (Example e : ex) { f[v].features(e.text(), e.target(), buf); c += buf.size(); }
        if (round >= 10) { ns[v] += System.nanoTime() - t0; feats[v] += c; }
      }
    }
    for (int v = 0; v < 3; v++) System.out.printf(Locale.ROOT, "cameo_verbs=%d: %.2f x the time without, %.1f features a statement%n", v, ns[v] / (double) ns[0], feats[v] / 20.0 / ex.size());
  }
}
