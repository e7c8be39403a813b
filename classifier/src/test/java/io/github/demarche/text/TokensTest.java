package io.github.demarche.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static String walk(String text) {
    List<String> out = new ArrayList<>();
    for (long t = Tokens.next(text, 0); t != Tokens.NONE; t = Tokens.next(text, Tokens.end(t))) {
      out.add(Tokens.start(t) + ".." + Tokens.end(t));
    }
    return String.join(" ", out);
  }

  private static String simpleTokenizer(String text) {
    List<String> out = new ArrayList<>();
    for (Span s : SimpleTokenizer.INSTANCE.tokenizePos(text)) {
      out.add(s.getStart() + ".." + s.getEnd());
    }
    return String.join(" ", out);
  }

  @Test
  void walkingNextFindsExactlyTheSpansOfOpenNlpsSimpleTokenizerOnTheCorpus() {
    String dir = System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements");
    for (Example e : Datasets.read(Path.of(dir, "train.jsonl").toString())) {
      assertEquals(simpleTokenizer(e.text()), walk(e.text()), e.text());
    }
  }

  @Test
  void walkingNextMatchesSimpleTokenizerOnRandomTextOverTheWholeBasicPlane() {
    SplittableRandom random = new SplittableRandom(11);
    String common = " \t\n.,'!?--..aaZZ99éß\u00A0\u2003";
    for (int i = 0; i < 5000; i++) {
      char[] s = new char[random.nextInt(40)];
      for (int j = 0; j < s.length; j++) {
        s[j] = random.nextBoolean()
            ? common.charAt(random.nextInt(common.length()))
            : (char) random.nextInt(Character.MAX_VALUE + 1);
      }
      String text = new String(s);
      assertEquals(simpleTokenizer(text), walk(text), () -> text.chars()
          .mapToObj(c -> Integer.toHexString(c)).toList().toString());
    }
  }

  @Test
  void repeatedPunctuationIsOneTokenAndMixedPunctuationIsSeveral() {
    String text = "Wait... what?! 12ab";
    assertEquals("0..4 4..7 8..12 12..13 13..14 15..17 17..19", walk(text));
    assertEquals(Tokens.NONE, Tokens.next("   ", 0));
    assertEquals(Tokens.NONE, Tokens.next("", 0));
  }
}
