package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Abbreviations and honorifics never cut a sentence; real sentence ends still do. */
class AbbreviationsTest {
  private static List<String> sentences(String text) {
    return Segmenter.units(text).stream().map(u -> text.substring(u.start(), u.end())).toList();
  }

  @Test
  void titlesAndHonorificsNeverEndASentence() {
    String text = "H.E. Ms. Ana Example met Gen. Smith and Lt. Col. Jones. Sen. Brown and"
        + " Dr. Lee spoke at St. Paul's.";
    assertEquals(List.of("H.E. Ms. Ana Example met Gen. Smith and Lt. Col. Jones.",
        "Sen. Brown and Dr. Lee spoke at St. Paul's."), sentences(text));
  }

  @Test
  void timesAndCountriesEndASentenceOnlyBeforeACapital() {
    assertEquals(List.of("The talks began at 10:00 a.m. on Monday in the capital."),
        sentences("The talks began at 10:00 a.m. on Monday in the capital."));
    assertEquals(List.of("The talks ended at 4 p.m.", "Both sides left."),
        sentences("The talks ended at 4 p.m. Both sides left."));
  }

  @Test
  void numbersAndDatesKeepTheirAbbreviation() {
    assertEquals(List.of("Resolution No. 2334 was adopted on Jan. 5 after a long debate."),
        sentences("Resolution No. 2334 was adopted on Jan. 5 after a long debate."));
  }

  @Test
  void aNumberedReadoutItemIsOneSentence() {
    assertEquals(List.of("1. At the outset, the ministers discussed the border.",
        "2. They agreed to meet again."),
        sentences("1. At the outset, the ministers discussed the border.\n\n"
            + "2. They agreed to meet again."));
  }

  @Test
  void aTitledNameIsOneSpeakerMention() {
    List<Statement> out = new NewsStatementExtractor(new TestActors())
        .extract(Document.of("Gen. Ivan Example said the front held."));
    assertEquals("Gen. Ivan Example", out.get(0).speaker().mention());
  }
}
