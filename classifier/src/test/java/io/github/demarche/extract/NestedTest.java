package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.demarche.domain.Document;
import io.github.demarche.domain.Speaker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reported speech inside a report: the innermost speaker speaks, the reporter is kept. */
class NestedTest {
  private final NewsStatementExtractor extractor = new NewsStatementExtractor(new TestActors());

  private Speaker speaker(String text, int statement) {
    return extractor.extract(Document.of(text)).get(statement).speaker();
  }

  @Test
  void aQuotationReportingAnotherSpeakerIsThatSpeakers() {
    Speaker s = speaker("Yerevan issued a statement on Monday.\n\nThe statement added, \u201CThe"
        + " Iranian president noted that a new war in the region is unacceptable.\u201D", 1);
    assertEquals(TestActors.IRAN, s.actor());
    assertEquals("The statement", s.reportedBy().mention());
  }

  @Test
  void aClauseReportingWhatSomeoneToldIsTheirs() {
    Speaker s = speaker("The Kremlin said the Russian president had told his guest that"
        + " the talks must resume.", 0);
    assertEquals("the Russian president", s.mention());
    assertEquals(TestActors.RUSSIA, s.actor());
    assertEquals(List.of(TestActors.RUSSIA), s.reportedBy().actors());
  }

  @Test
  void aClaimAboutAnotherActorsStanceStaysTheClaimants() {
    Speaker s = speaker("Kyiv said Moscow supports the separatists.", 0);
    assertEquals(TestActors.UKRAINE, s.actor(), "only verbs of saying nest");
    assertNull(s.reportedBy());
  }

  @Test
  void aPronounInsideTheReportIsNoNewSpeaker() {
    Speaker s = speaker("The Azerbaijani ministry said he had told reporters the road was open.",
        0);
    assertEquals(TestActors.AZERBAIJAN, s.actor());
    assertNull(s.reportedBy());
  }

  @Test
  void aReportWithItsCircumstancesBeforeThatStillNests() {
    Speaker s = speaker("The Azerbaijani ministry said in a statement on Monday that the Russian"
        + " foreign minister had told his guest the talks would resume.", 0);
    assertEquals(TestActors.RUSSIA, s.actor());
    assertEquals(TestActors.AZERBAIJAN, s.reportedBy().actor());
  }

  @Test
  void aClauseReportedAccordingToASourceIsItsInnermostSpeakers() {
    Speaker after = speaker("The Iranian president told his Armenian counterpart that the border"
        + " must stay open, according to the Kremlin.", 0);
    assertEquals("The Iranian president", after.mention());
    assertEquals(TestActors.IRAN, after.actor());
    assertEquals(TestActors.RUSSIA, after.reportedBy().actor());
    Speaker before = speaker("According to a readout from the Kremlin, the Iranian president told"
        + " his guest that the border must stay open.", 0);
    assertEquals(TestActors.IRAN, before.actor());
    assertEquals(TestActors.RUSSIA, speaker("Iran is ready to resume talks, according to the"
        + " Kremlin.", 0).actor(), "a clause with no verb of saying stays the source's");
  }
}
