package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static io.github.demarche.extract.DocumentReferencesTest.actors;
import static io.github.demarche.extract.DocumentReferencesTest.extract;

import io.github.demarche.domain.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speeches, statements and transcripts whose speaker is named once at the top, and first-person
 * text whose only speaker is its publisher. Invented examples, read with the bundled dictionary.
 */
class SpeechesTest {
  @Test
  void aStatementHeaderNamesTheSpeakerOfEverySentenceBelowIt() {
    List<Statement> out = extract("-", "Statement by Ambassador Jane Doe, Permanent"
        + " Representative of Norway to the UN, at the Security Council.\n\n"
        + "I will be brief.\n\nThe shelling of the port is a grave escalation.\n\n"
        + "We call on both parties to return to talks.");
    assertEquals("Ambassador Jane Doe, Permanent Representative of Norway to the UN",
        out.get(0).speaker().mention());
    for (Statement s : out) {
      assertEquals(List.of("NOR"), actors(s), s.text());
    }
  }

  @Test
  void aTranscriptLabelSpeaksUntilTheNextLabel() {
    List<Statement> out = extract("-", "President of Kenya Tom Example (retranslated): Thank"
        + " you, Mr President. We want the fighting to stop.\n\n"
        + "President of Ghana Ann Example: We agree. The talks must resume.");
    assertEquals(List.of("KEN"), actors(out.get(0)));
    assertEquals(List.of("KEN"), actors(out.get(1)));
    assertEquals(List.of("GHA"), actors(out.get(2)));
    assertEquals(List.of("GHA"), actors(out.get(3)));
  }

  @Test
  void aHeadlineWithAColonOpensNoSpeech() {
    List<Statement> out = extract("-", "Foreign Minister Lars Example: talks must resume\n\n"
        + "Talks had stalled since March.");
    assertNull(out.get(1).speaker(), "the headline's speaker does not speak the article");
  }

  @Test
  void aJointDeclarationSpeaksForThePartiesItsFirstPersonRepresents() {
    List<Statement> out = extract("-", "We, the undersigned, representing the Government of"
        + " Armenia and the Government of Azerbaijan, reaffirm our commitment to peace.\n\n"
        + "We will refrain from the use of force.\n\nNo provision of this text affects borders.");
    for (Statement s : out) {
      assertEquals(List.of("ARM", "AZE"), actors(s), s.text());
    }
  }

  @Test
  void aMentionInTheFirstPersonSpeaksForTheSpeechUnderWay() {
    List<Statement> out = extract("-", "Statement by Ambassador Jane Doe of Norway.\n\n"
        + "As my Foreign Minister has said, the border must be respected.");
    assertEquals(List.of("NOR"), actors(out.get(1)));
    assertEquals("Ambassador Jane Doe of Norway", out.get(1).speaker().reportedBy().mention(),
        "a speaker quoted inside a speech is reported by the speech's speaker");
  }

  @Test
  void firstPersonTextWithoutANamedSpeakerIsThePublishers() {
    String text = "We condemn the attack on the convoy.";
    assertEquals(List.of("GBR"),
        actors(extract("https://www.gov.uk/government/news/x", text).get(0)));
    assertNull(extract("statement.txt", text).get(0).speaker(),
        "with no publisher known, nobody is named");
  }

  @Test
  void aHeadersTopicIsNoPartOfItsSpeaker() {
    assertEquals("the Foreign Minister of Norway", extract("-", "Statement by the Foreign"
        + " Minister of Norway on the ceasefire in Gaza.").get(0).speaker().mention());
  }

  @Test
  void anUnresolvedVoiceInsideASpeechLeavesItToTheSpeechsSpeaker() {
    List<Statement> out = extract("-", "Statement by Ambassador Jane Doe of Norway.\n\n"
        + "Many countries have condemned the attack.");
    assertEquals(List.of("NOR"), actors(out.get(1)));
  }

  @Test
  void aHeaderLineNamingItsIssuerWithOfSpeaksForTheStatementBelowIt() {
    // the title line of a ministry's statement, without closing punctuation, opens the speech
    List<Statement> out = extract("-", "Statement of the Ministry of Foreign Affairs of the"
        + " Republic of Azerbaijan on the situation in the Red Sea\n\n"
        + "We condemn these attacks in the strongest terms.\n\n"
        + "They threaten the freedom of navigation.");
    assertEquals("the Ministry of Foreign Affairs of the Republic of Azerbaijan",
        out.get(0).speaker().mention());
    for (Statement s : out) {
      assertEquals(List.of("AZE"), actors(s), s.text());
    }
    assertEquals(List.of("NOR"), actors(extract("-", "Statement by the Foreign Minister of"
        + " Norway on the ceasefire\n\nWe welcome the ceasefire.").get(1)),
        "a header line with \"by\" opens the speech too");
    assertNull(extract("-", "Declaration of Independence\n\nWe hold these truths to be"
        + " self-evident.").get(1).speaker(), "\"of\" names an issuer only before \"the\"");
  }
}
