package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;
import org.junit.jupiter.api.Test;

/** Runs of sentence-ending punctuation cost linear time, and never move an offset. */
class SentenceEndGuardTest {
  /** A text that counts every character the detector reads. */
  private static final class Counting implements CharSequence {
    private final String s;
    long reads;

    Counting(String s) {
      this.s = s;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int i) {
      reads++;
      return s.charAt(i);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      reads += end - start;
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      reads += s.length();
      return s;
    }
  }

  private static long detectorReads(String paragraph) {
    Counting c = new Counting(Segmenter.detectorInput(paragraph));
    new SentenceDetectorME(Segmenter.model()).sentPosDetect(c);
    return c.reads;
  }

  private static String dots(int n) {
    return "Iran said it would respond." + ".".repeat(n) + " Then it left.";
  }

  private static String mixed(int n) {
    Random r = new Random(1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(".!?".charAt(r.nextInt(3)));
    }
    return sb.toString();
  }

  @Test
  void theDetectorsWorkGrowsLinearlyWithRunsOfSentenceEnds() {
    long d50 = detectorReads(dots(50_000));
    long d200 = detectorReads(dots(200_000));
    long m100 = detectorReads(mixed(100_000));
    long m400 = detectorReads(mixed(400_000));
    // linear: 4 times the text, about 4 times the reads; unguarded it was 16 times (n^2 / 2 reads)
    assertTrue(d200 < 5 * d50, "dots: " + d50 + " -> " + d200);
    assertTrue(m400 < 5 * m100, "mixed: " + m100 + " -> " + m400);
    assertTrue(d200 < 20L * 200_000, "reads per character: " + d200 / 200_000);
  }

  @Test
  void theGuardKeepsLengthAndOffsetsAndTheLastEndOfALongStretch() {
    String text = "He left." + ".".repeat(100) + "x!? Then \"she\" spoke. Ok?! " + "a.b".repeat(40) + ".";
    String guarded = Segmenter.detectorInput(text);
    assertEquals(text.length(), guarded.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertTrue(guarded.charAt(i) == c || (".!?".indexOf(c) >= 0
          && guarded.charAt(i) == SentenceEndGuard.NEUTRAL), "offset " + i);
    }
    // the last ending character of each long stretch stays a candidate break
    assertEquals('?', guarded.charAt(text.indexOf("x!?") + 2));
    assertEquals('.', guarded.charAt(text.length() - 1));
    // ordinary prose is passed through as it is
    String prose = "The minister said so. \"We will respond!\" he added. Really?";
    assertEquals(prose, Segmenter.detectorInput(prose));
    List<Segmenter.Unit> units = Segmenter.units(text);
    for (Segmenter.Unit u : units) {
      assertTrue(u.start() >= 0 && u.end() <= text.length() && u.start() < u.end());
    }
    Span[] spans = new SentenceDetectorME(Segmenter.model()).sentPosDetect(guarded);
    assertTrue(spans.length >= 3, java.util.Arrays.toString(spans));
  }

  /** The guard as first written: every stretch read whole, character by character. */
  private static String reference(String text) {
    char[] copy = text.toCharArray();
    int start = 0;
    while (start < text.length()) {
      while (start < text.length() && StringUtil.isWhitespace(text.charAt(start))) {
        start++;
      }
      int end = start;
      int last = -1;
      while (end < text.length() && !StringUtil.isWhitespace(text.charAt(end))) {
        last = ".!?".indexOf(text.charAt(end)) >= 0 ? end : last;
        end++;
      }
      for (int i = start; end - start > SentenceEndGuard.LONG_TOKEN && i < last; i++) {
        copy[i] = ".!?".indexOf(copy[i]) >= 0 ? SentenceEndGuard.NEUTRAL : copy[i];
      }
      start = end;
    }
    return new String(copy);
  }

  @Test
  void theGuardMasksExactlyWhatReadingEveryStretchWholeWould() {
    Random r = new Random(3);
    String alphabet = "ab.!?  \u00a0\n\u2009xyz";
    for (int t = 0; t < 3000; t++) {
      StringBuilder sb = new StringBuilder();
      int pieces = 1 + r.nextInt(6);
      for (int p = 0; p < pieces; p++) {
        // runs around the limit: 60 to 70 characters without white space, and short words
        int run = r.nextBoolean() ? 60 + r.nextInt(11) : r.nextInt(8);
        for (int k = 0; k < run; k++) {
          sb.append("ab.!?xyz-".charAt(r.nextInt(9)));
        }
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      assertEquals(reference(text), SentenceEndGuard.guard(text, null), text);
    }
    String prose = "Iran said it would respond. Then it left! Why? " .repeat(20);
    assertTrue(SentenceEndGuard.guard(prose, null) == prose, "prose is returned as it is");
  }
}
