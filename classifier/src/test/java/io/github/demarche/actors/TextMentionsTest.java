package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.testing.Corpus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mentions of any part of a text, read from one scan of it, are those a scan of the part finds. */
class TextMentionsTest {
  private static final ActorDictionary DICTIONARY = ActorDictionary.defaults();

  private static List<String> texts() {
    List<String> out = new ArrayList<>(List.of(
        "The U.S.-led coalition and the Russians said so. Russia's envoy to the UN, Vassily "
            + "Nebenzia, replied.\n\nIranians protested. Secretary Blinken spoke with "
            + "Foreign Minister Wang Yi of China.",
        "Tehran  and\u00a0Moscow; Kyiv—Washington. NATO"));
    StringBuilder doc = new StringBuilder();
    List<Example> examples = Corpus.trainExamples();
    for (int i = 0; i < 400 && i < examples.size(); i++) {
      doc.append(doc.length() == 0 ? "" : (i % 3 == 0 ? "\n\n" : " ")).append(examples.get(i).text());
      if (i % 20 == 19) {
        out.add(doc.toString());
        doc.setLength(0);
      }
    }
    return out;
  }

  @Test
  void everyPartHasTheMentionsAScanOfThePartFinds() {
    Random random = new Random(7);
    int parts = 0;
    int named = 0;
    for (String text : texts()) {
      for (LocalDate date : new LocalDate[] {null, LocalDate.of(2023, 5, 1)}) {
        TextMentions whole = DICTIONARY.mentions(text, date);
        List<int[]> spans = new ArrayList<>();
        spans.add(new int[] {0, text.length()});
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
          if (text.charAt(i) == '.' || text.charAt(i) == '\n') { // sentence-like parts
            spans.add(new int[] {from, i + 1});
            from = i + 1;
          }
        }
        for (int k = 0; k < 60; k++) { // parts cut anywhere, inside words and names too
          int a = random.nextInt(text.length() + 1);
          int b = random.nextInt(text.length() + 1);
          spans.add(new int[] {Math.min(a, b), Math.max(a, b)});
        }
        for (int[] s : spans) {
          List<ActorMention> expected = DICTIONARY.find(text.substring(s[0], s[1]), date);
          assertEquals(expected, whole.in(s[0], s[1]), () -> "part [" + s[0] + ", " + s[1] + ")");
          parts++;
          named += expected.size();
        }
      }
    }
    assertTrue(parts > 1000 && named > 1000, parts + " parts, " + named + " mentions");
  }

  @Test
  void aPartOutsideTheTextIsRefused() {
    TextMentions m = DICTIONARY.mentions("Iran said", null);
    assertThrows(IllegalArgumentException.class, () -> m.in(3, 20));
    assertThrows(IllegalArgumentException.class, () -> m.in(5, 2));
  }
}
