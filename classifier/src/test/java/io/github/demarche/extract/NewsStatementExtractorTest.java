package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NewsStatementExtractorTest {
  private final NewsStatementExtractor extractor = new NewsStatementExtractor(new TestActors());

  private List<Statement> extract(String text) {
    return extractor.extract(Document.of(text));
  }

  private static void assertSpeaker(Statement s, String mention, Actor actor) {
    assertNotNull(s.speaker(), "no speaker for: " + s.text());
    assertEquals(mention, s.speaker().mention(), "mention for: " + s.text());
    assertEquals(actor, s.speaker().actor(), "actor for: " + s.text());
  }

  @Test
  void subjectBeforeCueVerbIsTheSpeakerAsWritten() {
    List<Statement> out = extract("Iranian Foreign Ministry spokesman Nasser Kanaani said on"
        + " Monday that the talks would resume.");
    assertEquals(1, out.size());
    assertSpeaker(out.get(0), "Iranian Foreign Ministry spokesman Nasser Kanaani", TestActors.IRAN);
  }

  @Test
  void titledNamesAndOrganisationsAreKeptWhole() {
    assertSpeaker(extract("The Minsk Group stated that outside parties were working against the"
        + " peace process.").get(0), "The Minsk Group", null);
    assertSpeaker(extract("President of the European Council Charles Michel called for a"
        + " bilateral meeting.").get(0), "President of the European Council Charles Michel", null);
  }

  @Test
  void invertedSaidAfterAQuotation() {
    List<Statement> out = extract(
        "\u201CWe will not accept this,\u201D said Armenian Prime Minister Nikol Pashinyan.");
    assertSpeaker(out.get(0), "Armenian Prime Minister Nikol Pashinyan", TestActors.ARMENIA);
  }

  @Test
  void speakerAfterTheClauseItReports() {
    List<Statement> out = extract(
        "The ceasefire must hold, the Azerbaijani foreign ministry said.");
    assertSpeaker(out.get(0), "the Azerbaijani foreign ministry", TestActors.AZERBAIJAN);
  }

  @Test
  void appositionIsPartOfTheMention() {
    List<Statement> out = extract("Kim Jong-un, the leader of North Korea, said that the country"
        + " was ready.");
    assertSpeaker(out.get(0), "Kim Jong-un, the leader of North Korea", null);
  }

  @Test
  void clauseBetweenSubjectAndVerbIsLeftOut() {
    List<Statement> out = extract("Kuleba, for his part, expressed gratitude for the aid.");
    assertSpeaker(out.get(0), "Kuleba", null);
  }

  @Test
  void acronymsInParenthesesAndNameParticlesBelongToTheName() {
    assertSpeaker(extract("Armenia's National Security Service (NSS) stated that the border was"
        + " calm.").get(0), "Armenia's National Security Service (NSS)", TestActors.ARMENIA);
    assertSpeaker(extract("Syrian Vice President Farouk al-Sharaa warned against a strike.")
        .get(0), "Syrian Vice President Farouk al-Sharaa", null);
  }

  @Test
  void accordingToNamesTheSource() {
    List<Statement> out = extract(
        "According to the Iranian Foreign Ministry, the talks will resume next week.");
    assertSpeaker(out.get(0), "the Iranian Foreign Ministry", TestActors.IRAN);
  }

  @Test
  void somethingGoingOnIsNotSaidButGoingOnSayingItIs() {
    // "continue" and "remain" take a stance only through the verb or adjective after them
    assertNull(extract("Fighting between Russia and Ukraine continued on Monday.").get(0)
        .speaker());
    // Russia acting is a subject acting, a speaker only if the statement takes a position
    assertTrue(extractor.attribute(Document.of("Russia continued its offensive in the east."))
        .get(0).bySubject(), "an offensive going on is an act, not speech");
    assertTrue(extractor.attribute(Document.of("Russia continued to shell the city overnight."))
        .get(0).bySubject(), "shelling going on is an act, not speech");
    assertSpeaker(extract("Russia continued to call for talks.").get(0), "Russia",
        TestActors.RUSSIA);
    assertSpeaker(extract("Russia continues to be concerned about the fighting.").get(0),
        "Russia", TestActors.RUSSIA);
    assertSpeaker(extract("Russia remains committed to a peaceful solution.").get(0), "Russia",
        TestActors.RUSSIA);
    List<Statement> quoted = extract("Armenian Prime Minister Nikol Pashinyan visited the border."
        + "\n\n\u201CWe will not give up,\u201D he continued.");
    assertSpeaker(quoted.get(1), "Armenian Prime Minister Nikol Pashinyan", TestActors.ARMENIA);
  }

  @Test
  void aRequestForCommentUnansweredSaysNothing() {
    // the subject is still found acting, a speaker only if the statement takes a position
    for (String silent : List.of(
        "The Kremlin did not immediately respond to a request for comment.",
        "The Armenian foreign ministry has not yet replied to questions from reporters.",
        "Kyiv has yet to comment on the report.",
        "The Azerbaijani foreign ministry has never publicly commented on the claims.")) {
      assertTrue(extractor.attribute(Document.of(silent)).get(0).bySubject(), silent);
    }
    assertSpeaker(extract("The Kremlin responded that the claims were false.").get(0),
        "The Kremlin", TestActors.RUSSIA);
    assertSpeaker(extract("Kyiv has commented on the report.").get(0), "Kyiv",
        TestActors.UKRAINE);
  }

  @Test
  void theOneQuotedAsSayingSpeaksNotTheOutletNorTheClausesSubject() {
    assertSpeaker(extract("IRNA quoted the Iranian foreign minister as saying that Moscow"
        + " rejected the proposal.").get(0), "the Iranian foreign minister", TestActors.IRAN);
    assertSpeaker(extract("The Armenian prime minister was quoted by TASS as saying that Baku"
        + " had broken the truce.").get(0), "The Armenian prime minister", TestActors.ARMENIA);
  }

  @Test
  void openingOrClosingAMeetingByAVerbOfSayingIsSaying() {
    for (String said : List.of(
        "The Armenian prime minister opened the summit by calling for a lasting peace.",
        "The Russian president closed the meeting by urging restraint.")) {
      NewsStatementExtractor.Attributed a = extractor.attribute(Document.of(said)).get(0);
      assertNotNull(a.statement().speaker(), said);
      assertFalse(a.bySubject(), "a verb of saying, not a subject acting: " + said);
    }
    assertTrue(extractor.attribute(Document.of("Russia opened fire on the town by mistake."))
        .get(0).bySubject(), "opening fire is an act");
  }

  @Test
  void aDelegateSpeakingOnBehalfOfAGroupVoicesTheGroup() {
    Statement before = DocumentReferencesTest.extract("-", "Speaking on behalf of the European"
        + " Union, the representative of Spain said that the attack was unacceptable.").get(0);
    assertEquals(List.of("eu"), DocumentReferencesTest.actors(before));
    Statement inside = DocumentReferencesTest.extract("-", "The representative of Spain, speaking"
        + " on behalf of the European Union, said that the attack was unacceptable.").get(0);
    assertEquals(List.of("eu"), DocumentReferencesTest.actors(inside));
    Statement unknown = DocumentReferencesTest.extract("-", "The representative of Egypt,"
        + " speaking on behalf of the Arab Group, said the occupation must end.").get(0);
    assertEquals(List.of("EGY"), DocumentReferencesTest.actors(unknown),
        "a group that resolves to no actor leaves the delegate speaking");
  }

  @Test
  void talksNamedByTheWordBeforeThemAreTheNounNotSaying() {
    for (String talks : List.of("Peace talks resume in Geneva",
        "Live: Ceasefire talks in Geneva",
        "Ceasefire talks stalled as fighting raged.",
        "The border talks ended without agreement.")) {
      NewsStatementExtractor.Attributed a = extractor.attribute(Document.of(talks)).get(0);
      assertTrue(a.statement().speaker() == null || a.bySubject(), "no verb of saying: " + talks);
    }
    assertSpeaker(extract("Russia talks up the deal.").get(0), "Russia", TestActors.RUSSIA);
    assertSpeaker(extract("The Armenian minister talks of a breakthrough.").get(0),
        "The Armenian minister", TestActors.ARMENIA);
  }

  @Test
  void accordingToADocumentIsAccordingToItsIssuer() {
    assertSpeaker(extract("According to a statement from the Kremlin, the grain deal could"
        + " resume.").get(0), "the Kremlin", TestActors.RUSSIA);
    assertSpeaker(extract("The border will reopen, according to a statement from the Armenian"
        + " government.").get(0), "the Armenian government", TestActors.ARMENIA);
    assertSpeaker(extract("According to a UN report, thousands fled.").get(0), "a UN report",
        TestActors.UN);
  }

  @Test
  void stanceVerbsAndAdjectivesAttributeToo() {
    assertSpeaker(extract("Russia strongly condemns the attack.").get(0), "Russia",
        TestActors.RUSSIA);
    assertSpeaker(extract("The United Nations is deeply concerned about the fighting.").get(0),
        "The United Nations", TestActors.UN);
    assertSpeaker(extract("Moscow has called on Kyiv to return to talks.").get(0), "Moscow",
        TestActors.RUSSIA);
  }

  @Test
  void passiveVerbGivesItsByAgent() {
    assertSpeaker(extract("The referendum was condemned by the United Nations as illegal.").get(0),
        "the United Nations", TestActors.UN);
    assertNull(extract("Azerbaijan was accused of breaking the truce.").get(0).speaker(),
        "the accused is not the speaker");
  }

  @Test
  void asSomeoneSaidAttributesTheMainClause() {
    assertSpeaker(extract("As Secretary Kerry said, Crimea is part of Ukraine.").get(0),
        "Secretary Kerry", null);
  }

  @Test
  void listsOfSpeakersAreKeptWhole() {
    assertSpeaker(extract("The United Nations, Ukraine, and many other countries condemned the"
        + " annexation.").get(0), "The United Nations, Ukraine, and many other countries",
        TestActors.UN);
  }

  @Test
  void subjectOfAnotherVerbSpeaksOnlyWhenAskedTo() {
    String text = "Armenia lodged a protest with the mission.";
    assertSpeaker(extract(text).get(0), "Armenia", TestActors.ARMENIA);
    assertNull(new NewsStatementExtractor(new TestActors(), false).extract(Document.of(text))
        .get(0).speaker());
  }

  @Test
  void pronounRefersToTheLastSpeakerAcrossSentencesAndParagraphs() {
    List<Statement> out = extract("Iranian Foreign Ministry spokesman Nasser Kanaani condemned the"
        + " strike. He added that Iran would respond.\n\nHe also warned against escalation.");
    assertEquals(3, out.size());
    Speaker first = out.get(0).speaker();
    assertEquals(first, out.get(1).speaker());
    assertEquals(first, out.get(2).speaker());
  }

  @Test
  void itAddedRefersToABody() {
    List<Statement> out = extract("Armenian Prime Minister Nikol Pashinyan spoke to reporters."
        + " The Azerbaijani foreign ministry said the shelling had stopped. It added that talks"
        + " would continue.");
    assertSpeaker(out.get(2), "The Azerbaijani foreign ministry", TestActors.AZERBAIJAN);
  }

  @Test
  void roleDescriptionKeepsItsWordsAndTakesTheActorOfTheSpeakerItMeans() {
    List<Statement> out = extract("Iranian Foreign Ministry spokesman Nasser Kanaani said the"
        + " attack was illegal. The spokesman also urged restraint.");
    assertSpeaker(out.get(1), "The spokesman", TestActors.IRAN);
  }

  @Test
  void descriptionThatNamesAnActorIsItsOwnMention() {
    List<Statement> out = extract("Amir-Abdollahian spoke with his counterpart on Monday."
        + " \u201CWe support any political effort,\u201D the top Iranian diplomat said.");
    assertSpeaker(out.get(1), "the top Iranian diplomat", TestActors.IRAN);
  }

  @Test
  void statementAsCueNounRefersBackToItsIssuer() {
    List<Statement> out = extract("The Russian Foreign Ministry issued a statement on Tuesday."
        + " The statement said the decision was final.");
    assertSpeaker(out.get(1), "The statement", TestActors.RUSSIA);
  }

  @Test
  void multiSentenceQuotationIsOneStatement() {
    String text = "\u201CWe want peace. We want talks. We want them now,\u201D the Armenian prime"
        + " minister said. Officials in Baku did not comment.";
    List<Statement> out = extract(text);
    assertEquals(2, out.size());
    assertTrue(out.get(0).text().endsWith("the Armenian prime minister said."), out.get(0).text());
    assertEquals(0, out.get(0).sentence());
    assertTrue(out.get(1).sentence() >= 3, "the second statement starts after three sentences");
    assertSpeaker(out.get(0), "the Armenian prime minister", TestActors.ARMENIA);
  }

  @Test
  void quotationContinuingIntoTheNextParagraphKeepsItsSpeaker() {
    String text = "Azerbaijani President Ilham Aliyev said: \u201CWe are ready for peace. We"
        + " have said so many times.\n\n\u201CBut we will defend every metre of our land.\u201D\n\n"
        + "The talks are due to resume in Geneva.";
    List<Statement> out = extract(text);
    assertEquals(3, out.size());
    assertTrue(out.get(0).text().endsWith("many times."), "the open quotation closes at the end"
        + " of its paragraph: " + out.get(0).text());
    assertSpeaker(out.get(0), "Azerbaijani President Ilham Aliyev", TestActors.AZERBAIJAN);
    assertEquals(out.get(0).speaker(), out.get(1).speaker());
    assertNull(out.get(2).speaker());
  }

  @Test
  void followingQuotationWithoutAttributionKeepsTheSpeaker() {
    List<Statement> out = extract("\u201CThe Islamic Republic of Iran supports any political"
        + " effort,\u201D the top Iranian diplomat said. \u201CWe are against war anywhere.\"");
    assertEquals(2, out.size());
    assertEquals(out.get(0).speaker(), out.get(1).speaker());
  }

  @Test
  void nestedSingleQuotesStayInsideTheQuotation() {
    String text = "\u201CThey call it a \u2018special operation\u2019. It is a war,\u201D the"
        + " Ukrainian foreign minister said.";
    List<Statement> out = extract(text);
    assertEquals(1, out.size());
    assertEquals(text, out.get(0).text());
    assertSpeaker(out.get(0), "the Ukrainian foreign minister", TestActors.UKRAINE);
  }

  @Test
  void unclosedQuotationClosesAtTheParagraphEnd() {
    String text = "\"This will not stand. We demand a withdrawal\n\nSeparately, the weather in"
        + " Geneva was mild.";
    List<Statement> out = extract(text);
    assertEquals(2, out.size());
    assertEquals("\"This will not stand. We demand a withdrawal", out.get(0).text());
    assertNull(out.get(1).speaker());
  }

  @Test
  void noSpeakerIsNullNeverAGuess() {
    List<Statement> out = extract("The weather in Geneva was mild on Tuesday. Talks will resume"
        + " next week.\n\nWe urge both sides to show restraint.");
    for (Statement s : out) {
      assertNull(s.speaker(), "guessed a speaker for: " + s.text());
    }
    assertNull(extract("He said the talks had failed.").get(0).speaker(),
        "a pronoun with nothing before it to refer to");
  }

  @Test
  void colonIntroducesABlockSpokenByItsSpeaker() {
    List<Statement> out = extract("The Foreign Secretary, David Lammy, said:\n\nWe agree with our"
        + " partners.\n\nThere can be no more delays.");
    assertEquals(3, out.size());
    assertSpeaker(out.get(0), "The Foreign Secretary, David Lammy", null);
    assertEquals(out.get(0).speaker(), out.get(1).speaker());
    assertEquals(out.get(0).speaker(), out.get(2).speaker());
  }

  @Test
  void offsetsAreExactIntoTheOriginalText() {
    String text = "  Iran said on Monday that it \u201Cwill respond\u201D.\r\n\r\n"
        + "\u201CWe will not wait,\u201D he said.  Moscow urged calm.\n \n"
        + "The U.S. State Department said: \"Enough.\"";
    List<Statement> out = extract(text);
    assertTrue(out.size() >= 4, "statements: " + out);
    int previousEnd = 0;
    for (Statement s : out) {
      assertEquals(text.substring(s.start(), s.end()), s.text());
      assertTrue(s.start() >= previousEnd, "statements overlap or are out of order");
      assertTrue(!Character.isWhitespace(s.text().charAt(0))
          && !Character.isWhitespace(s.text().charAt(s.text().length() - 1)));
      previousEnd = s.end();
    }
  }

  @Test
  void sharedExtractorGivesTheSameResultsOnManyThreads() throws Exception {
    String text = Files.readString(Path.of(
        System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements"))
        .resolve("../../examples/articles/border-talks.txt"));
    List<Statement> expected = extract(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Statement>>> runs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        runs.add(pool.submit(() -> extract(text)));
      }
      for (Future<List<Statement>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void emptyAndBlankDocumentsHaveNoStatements() {
    assertEquals(List.of(), extract(""));
    assertEquals(List.of(), extract(" \n\n \t\n"));
  }

  @Test
  void nameParticlesStayInsideTheNameInBothWordOrders() {
    assertSpeaker(extract("Ursula von der Leyen said the talks must resume.").get(0),
        "Ursula von der Leyen", null);
    assertSpeaker(extract("The talks must resume, said Luis Felipe de la Cruz.").get(0),
        "Luis Felipe de la Cruz", null);
    assertSpeaker(extract("Abu Mohammed al-Jolani said the talks were over.").get(0),
        "Abu Mohammed al-Jolani", null);
    assertSpeaker(extract("The de facto authorities said the vote was valid.").get(0),
        "The de facto authorities", null);
  }

  @Test
  void anInvertedSpeakerAtTheEndSpeaksTheClauseBeforeIt() {
    assertSpeaker(extract("Russia stands ready to talk, said the Ukrainian foreign minister.")
        .get(0), "the Ukrainian foreign minister", TestActors.UKRAINE);
  }

  @Test
  void aTwoClauseLeadIsItsFirstActorsEvenWithADayBeforeTheVerb() {
    assertSpeaker(extract("Armenia on Monday accused Azerbaijan of shelling border villages, a"
        + " charge Baku swiftly dismissed.").get(0), "Armenia", TestActors.ARMENIA);
  }

  @Test
  void aCaretakerOrInterimTitleKeepsTheDemonymBeforeIt() {
    assertSpeaker(extract("Iranian caretaker Foreign Minister Ali Example said the talks would"
        + " go on.").get(0), "Iranian caretaker Foreign Minister Ali Example", TestActors.IRAN);
  }

  @Test
  void anonymousReportsNameNoSpeaker() {
    assertNull(extract("Reports indicate that Russia has started shelling the port.").get(0)
        .speaker());
    assertSpeaker(extract("A UN report said the port was shelled.").get(0), "A UN report",
        TestActors.UN);
  }

  @Test
  void itActingInThePastStandsForTheActorBefore() {
    List<Statement> out = extract("Azerbaijan declared that it would not take part.\n\nOn 7"
        + " May, it published a paper on its position that, in short, the court lacks"
        + " jurisdiction.");
    assertSpeaker(out.get(1), "Azerbaijan", TestActors.AZERBAIJAN);
    assertNull(extract("It was clear that the talks had failed.").get(0).speaker());
  }

  @Test
  void countsOfGovernmentsNameNoSpeakerAndAttendingASessionIsNoSpeech() {
    assertNull(extract("As of May, 26 governments support the ruling and eight reject it.")
        .get(0).speaker());
    assertTrue(extractor.attribute(Document.of("Several regional partners joined the session"
        + " on Friday.")).get(0).bySubject(), "attending is an act, not speech");
  }
}
