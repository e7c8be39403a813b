package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** Paragraphs the sentence model is not asked about get the answer it would have given. */
class SegmenterTest {
  private static int[][] spans(Span[] spans) {
    int[][] out = new int[spans.length][];
    for (int i = 0; i < spans.length; i++) {
      out[i] = new int[] {spans[i].getStart(), spans[i].getEnd()};
    }
    return out;
  }

  @Test
  void aParagraphWithNoSentenceEndBeforeItsLastCharacterIsTheDetectorsOneSentence() {
    List<String> paragraphs = new ArrayList<>(List.of(
        "Border commission meets after weekend shelling", "Iran condemned the strike.",
        "Why now?", "Stop!", ".", "a", "\"We will respond,\" he said.", "Talks resume\u00a0",
        "Two sentences. Here.", "U.N. envoy arrives", "Mr. Lavrov said so."));
    for (List<Example> split : List.of(Corpus.trainExamples(), Corpus.devExamples())) {
      for (Example e : split) {
        paragraphs.add(e.text().strip());
      }
    }
    SentenceDetectorME detector = new SentenceDetectorME(Segmenter.model());
    int skipped = 0;
    for (String p : paragraphs) {
      String input = Segmenter.detectorInput(p);
      if (Segmenter.oneSentence(input)) {
        skipped++;
        assertArrayEquals(new int[][] {{0, input.length()}}, spans(detector.sentPosDetect(input)),
            p);
      }
    }
    assertTrue(skipped > 500, "paragraphs of one sentence: " + skipped);
    assertFalse(Segmenter.oneSentence("Two sentences. Here."));
    assertFalse(Segmenter.oneSentence("Talks resume\u00a0"));
  }
}
