package io.github.demarche.extract;

import static io.github.demarche.extract.DocumentReferencesTest.actors;
import static io.github.demarche.extract.DocumentReferencesTest.extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.domain.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Press-briefing and press-conference transcripts: paragraphs opening with a speaker's label or a
 * question marker ({@link Turns}). Invented examples, read with the bundled dictionary.
 */
class TranscriptTurnsTest {
  /** A briefing of three turns: the speaker, a question from the floor, the speaker again. */
  private static String briefing(String speaker, String asker) {
    return speaker + ": We call on both sides to show restraint.\n\n"
        + asker + ": Will there be talks this week?\n\n"
        + speaker + ": Talks must resume without delay.";
  }

  @ParameterizedTest
  @ValueSource(strings = {"MR. HALVORSEN", "AMBASSADOR THOMAS-GREENFIELD", "SECRETARY BLINKEN",
      "Spokesperson Mao Ning", "Spokesperson", "Deputy Spokesperson Farhan Haq",
      "Maria Zakharova", "MS. ORTAGUS"})
  void aSpeakersLabelNamesTheSpeakerOfItsTurn(String label) {
    List<Statement> out = extract("-", briefing(label, "QUESTION"));
    assertEquals(3, out.size());
    assertEquals(label, out.get(0).speaker().mention());
    assertEquals("We call on both sides to show restraint.", out.get(0).text());
    assertNull(out.get(1).speaker(), "the question is not the speaker's");
    assertEquals(label, out.get(2).speaker().mention());
  }

  @ParameterizedTest
  @ValueSource(strings = {"QUESTION", "Question", "Q", "Reporter", "Journalist", "Moderator",
      "AFP", "Reuters", "CCTV", "Bloomberg", "Global Times", "Reporter from Kyodo News",
      "Reuters correspondent", "Xinhua News Agency", "Beijing Youth Daily", "Phoenix Television"})
  void aQuestionMarkerOpensATurnWithNoSpeaker(String marker) {
    List<Statement> out = extract("-", briefing("Spokesperson Mao Ning", marker));
    assertEquals("Will there be talks this week?", out.get(1).text());
    assertNull(out.get(1).speaker(), marker);
    assertEquals("Spokesperson Mao Ning", out.get(2).speaker().mention());
  }

  @Test
  void aQuestionInTheFirstPersonIsNotThePublishersVoice() {
    List<Statement> out = extract("https://www.gov.uk/government/news/briefing-example",
        "SPOKESPERSON: We condemn the attack.\n\nQUESTION: We have seen reports of shelling."
            + " Do you blame Russia?\n\nSPOKESPERSON: We do.");
    assertEquals(List.of("GBR"), actors(out.get(0)), "the spokesperson speaks for the issuer");
    assertNull(out.get(1).speaker(), "a journalist's 'we' is neither the issuer's nor the"
        + " spokesperson's");
    assertNull(out.get(2).speaker());
    assertEquals(List.of("GBR"), actors(out.get(3)));
  }

  @Test
  void anAttributionInsideAQuestionTurnWins() {
    List<Statement> out = extract("-", briefing("MR. HALVORSEN", "QUESTION") + "\n\n"
        + "QUESTION: The Russian foreign ministry says the claims are fabricated.\n\n"
        + "MR. HALVORSEN: The facts speak for themselves.");
    Statement reported = out.get(3);
    assertEquals("The Russian foreign ministry", reported.speaker().mention());
    assertEquals(List.of("RUS"), actors(reported));
    assertEquals("MR. HALVORSEN", out.get(4).speaker().mention());
  }

  @Test
  void anAttributionInsideASpeakersTurnWinsAsInASpeech() {
    List<Statement> out = extract("-", "Spokesperson Mao Ning: Ukraine has said it is ready"
        + " for talks. China welcomes that.\n\nQUESTION: Will China mediate?");
    assertEquals(List.of("UKR"), actors(out.get(0)));
    assertEquals("Spokesperson Mao Ning", out.get(0).speaker().reportedBy().mention());
  }

  @Test
  void anInterviewsAnswersAreFromThePersonInterviewed() {
    List<Statement> out = extract("-", "Estonian Foreign Minister Margus Tsahkna spoke to our"
        + " correspondent in Tallinn.\n\n"
        + "Q: Minister, do you believe Russia is preparing to test NATO?\n\n"
        + "A: We have to take that possibility seriously. Russia has shown that it is willing to"
        + " use force.\n\n"
        + "Q: Is the alliance doing enough?\n\n"
        + "Answer: We urge our allies to meet their commitments.\n\n"
        + "This interview has been edited for length and clarity.");
    assertNull(out.get(1).speaker(), "a question is narration");
    for (int i : new int[] {2, 3, 5}) {
      assertEquals(List.of("EST"), actors(out.get(i)), out.get(i).text());
      assertEquals("Estonian Foreign Minister Margus Tsahkna", out.get(i).speaker().mention());
    }
    assertEquals("We have to take that possibility seriously.", out.get(2).text(),
        "the answer's label is no part of it");
    assertNull(out.get(4).speaker(), "the next question is narration again");
    assertNull(out.get(6).speaker(), "an editor's note after the last answer is no one's");
  }

  @Test
  void aQuestionPutNamesNoSpeakerWhateverItsVerb() {
    List<Statement> out = extract("-", "Spokesperson Mao Ning: Good afternoon.\n\n"
        + "AFP: Does China support the ceasefire proposal? And why did Russia reject it?"
        + " Russia says it was never consulted, do you agree?\n\n"
        + "Spokesperson Mao Ning: China supports all efforts for peace.");
    assertNull(out.get(1).speaker(), out.get(1).text());
    assertNull(out.get(2).speaker(), out.get(2).text());
    assertEquals(List.of("RUS"), actors(out.get(3)), "a question may report what was said");
    assertEquals(List.of("CHN"), actors(out.get(4)));
  }

  @Test
  void paragraphsWithoutALabelContinueTheTurnBeforeThem() {
    List<Statement> out = extract("-", "MR. HALVORSEN: Good afternoon.\n\n"
        + "The shelling must stop.\n\nQUESTION: What about the refugees?\n\n"
        + "The camps are full and winter is coming.\n\nMR. HALVORSEN: We are sending aid.");
    assertEquals("MR. HALVORSEN", out.get(1).speaker().mention(), "a speaker's turn goes on");
    assertNull(out.get(3).speaker(), "a question from the floor goes on");
    assertEquals("MR. HALVORSEN", out.get(4).speaker().mention());
  }

  @Test
  void theLabelIsNoPartOfTheStatementTextOrSpan() {
    String text = "DEPUTY SPOKESPERSON HAQ:   Good afternoon. The convoy reached Kherson.\n\n"
        + "Q.: Where is it now?";
    List<Statement> out = extract("-", text);
    assertEquals(3, out.size());
    assertEquals(text.indexOf("Good afternoon"), out.get(0).start());
    assertEquals("Good afternoon.", out.get(0).text());
    assertEquals("Where is it now?", out.get(2).text());
    for (Statement s : out) {
      assertEquals(text.substring(s.start(), s.end()), s.text());
    }
  }

  @Test
  void aBlockOpenedAfterAQuestionIsReadAsOutsideATranscript() {
    String block = "The Foreign Minister of Senegal said:\n\nRussia launched an offensive.";
    List<Statement> alone = extract("-", block);
    List<Statement> inTranscript = extract("-", "MR. HALVORSEN: Yes.\n\n"
        + "QUESTION: What did Senegal say?\n\n" + block);
    assertEquals(alone.get(1).speaker().mention(),
        inTranscript.get(inTranscript.size() - 1).speaker().mention(),
        "'X said:' ends the question from the floor");
  }

  @Test
  void aLabelsParenthesisIsNoPartOfItsSpeaker() {
    List<Statement> out = extract("-", "Maria Zakharova (retranslated): We are ready.\n\n"
        + "Question (through interpreter): Ready for what?");
    assertEquals("Maria Zakharova", out.get(0).speaker().mention());
    assertEquals("We are ready.", out.get(0).text());
    assertNull(out.get(1).speaker());
  }

  @Test
  void aLabelWithARoleAndACountryResolvesToTheCountry() {
    List<Statement> out = extract("-", "Chinese Foreign Ministry Spokesperson Mao Ning: We"
        + " oppose any interference.\n\nCCTV: Is a visit planned?");
    assertEquals(List.of("CHN"), actors(out.get(0)));
  }

  @Test
  void aDocumentWithOneLabelledParagraphIsNoTranscript() {
    String text = "Spokesperson Mao Ning: China opposes the sanctions.\n\n"
        + "The remarks came a day after the vote.";
    List<Statement> out = extract("-", text);
    assertEquals(0, out.get(0).start(), "the label stays in the text, as in any article");
    assertTrue(out.get(0).text().startsWith("Spokesperson Mao Ning: "));
    assertEquals("Spokesperson Mao Ning", out.get(0).speaker().mention());
  }

  @Test
  void theHeadlineFormAndAnAttributionLineAreNoTurns() {
    String text = "Algeria: Israeli attacks violated international peace\n\n"
        + "The Foreign Secretary said:\n\nThe attacks must stop.";
    List<Statement> out = extract("-", text);
    assertEquals("Algeria: Israeli attacks violated international peace", out.get(0).text());
    assertEquals("Algeria", out.get(0).speaker().mention());
    assertEquals("The Foreign Secretary said:", out.get(1).text());
    assertEquals("The Foreign Secretary", out.get(2).speaker().mention());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10:30 GMT: Shelling resumed.", "Update: Shelling resumed.",
      "Photo: Reuters", "Kenya: Shelling resumed.", "See https://example.org for more.",
      "We agree with our partners: there can be no more delays.",
      "In Brussels, the ministers said: talks must resume.",
      "The Secretary-General of the United Nations Antonio Guterres Example: talks.",
      "SPOKESPERSON:", "Editor's Note: This article was updated.", "Read More: Talks resume.",
      "Sources: Reuters, AFP.", "Photo Credit: Jane Example"})
  void textThatIsNoLabelOpensNoTurn(String paragraph) {
    assertNull(Turns.turn(paragraph, 0, paragraph.length()), paragraph);
  }

  @Test
  void aTranscriptNeedsTwoLabelledParagraphs() {
    String one = "QUESTION: Will there be talks?\n\nNobody knows.";
    assertSame(Turns.NONE, Turns.of(one, Segmenter.units(one)));
    String two = one + "\n\nMR. HALVORSEN: Yes.";
    Turns turns = Turns.of(two, Segmenter.units(two));
    assertNotNull(turns.at(0));
    assertNull(turns.at(1));
    assertEquals("MR. HALVORSEN", turns.at(2).label().text());
  }
}
