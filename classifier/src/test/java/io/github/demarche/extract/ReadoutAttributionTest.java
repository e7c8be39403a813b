package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readouts and official statements whose speaker the text reveals only indirectly: the side a
 * readout credits with its support, who asked for a meeting, what "it was confirmed" after a
 * call, a spokesperson's opening line, the participants of a session, an agreement's signatories.
 * Invented examples, read with the bundled dictionary and no metadata unless said.
 */
class ReadoutAttributionTest {
  private static final NewsStatementExtractor EXTRACTOR =
      new NewsStatementExtractor(ActorDictionary.defaults());
  private static final NewsStatementExtractor SPEECH_ONLY =
      new NewsStatementExtractor(ActorResolver.of(ActorDictionary.defaults()), false);

  private static List<Statement> extract(String text) {
    return EXTRACTOR.extract(Document.of(text));
  }

  private static List<String> actors(Statement s) {
    return s.speaker() == null ? null : s.speaker().actors().stream().map(Actor::id).toList();
  }

  @Test
  void aTitleOnlyReadoutSpeaksForTheOneStateItCreditsWithItsSupport() {
    List<Statement> out = extract("The Prime Minister spoke with President Ruto of Kenya this"
        + " afternoon.\n\nHe praised the courage of the Kenyan police officers in Haiti.\n\n"
        + "The Prime Minister reaffirmed Britain's continued support for the mission and"
        + " offered further British assistance.\n\n"
        + "Both leaders condemned the violence of the armed gangs.");
    assertNull(out.get(0).speaker(), "a call reported takes no position");
    assertEquals(List.of("GBR"), actors(out.get(1)), "he is the Prime Minister");
    assertEquals(List.of("GBR"), actors(out.get(2)));
    assertEquals(List.of("GBR", "KEN"), actors(out.get(3)), "the two parties of the call");
  }

  @Test
  void aStateCreditedOnceOrBlamedIsNotTheReadoutsOwn() {
    assertEquals(List.of(), actors(extract("The Prime Minister welcomed the UK's support for the"
        + " talks.").get(0)), "once may be praise of another");
    assertEquals(List.of(), actors(extract("The Foreign Minister condemned Russia's support for"
        + " the separatists and denounced Russia's military aid to them.").get(0)));
  }

  @Test
  void twoStatesCreditedWithSupportLeaveTheTitleUnresolved() {
    List<Statement> out = extract("The Prime Minister welcomed the UK's support and Canada's"
        + " support for the ceasefire talks.");
    assertEquals(List.of(), actors(out.get(0)));
  }

  @Test
  void theStateOfTheOtherPartyIsNeverTheReadoutsOwn() {
    List<Statement> out = extract("The Prime Minister spoke with Ukrainian President Zelenskyy."
        + "\n\nThe Prime Minister praised Ukrainian support for the grain corridor.");
    assertEquals(List.of(), actors(out.get(1)), "Ukraine is the party called, not the host");
  }

  @Test
  void theStateOfAPrimeMinisterNamedIsNeverTheReadoutsOwn() {
    List<Statement> out = extract("The Prime Minister spoke to Israel's Prime Minister Benjamin"
        + " Netanyahu.\n\nThe Prime Minister welcomed Israel's support for the pause and Israel's"
        + " commitment to let aid in.");
    assertEquals(List.of(), actors(out.get(1)), "Israel is the other party's state");
  }

  @Test
  void theIssuerWinsOverTheSideTheTextCredits() {
    Statement s = EXTRACTOR.extract(new Document("https://www.gov.uk/government/news/x",
        "The Prime Minister thanked the President for France's support.")).get(0);
    assertEquals(List.of("GBR"), actors(s));
  }

  @Test
  void whoAskedForAMeetingSpeaksButWhoAskedForACallDoesNot() {
    assertEquals(List.of("IRN"), actors(extract("The Security Council met on Monday at the"
        + " request of Iran to discuss the strikes on its territory.").get(0)));
    assertEquals(List.of("GBR"), actors(extract("At the urging of Britain the Security Council"
        + " will meet later today.").get(0)), "the phrase ends before the next noun phrase");
    assertNull(extract("At the initiative of the Azerbaijani side, Vladimir Putin had a"
        + " telephone conversation with President Ilham Aliyev.").get(0).speaker());
    assertNull(extract("At the request of the family, the funeral was held in private.").get(0)
        .speaker(), "who asked must be an actor");
  }

  @Test
  void whatItWasConfirmedAPartyOfTheCallWouldDoIsThatPartysLine() {
    List<Statement> out = extract("Vladimir Putin had a telephone conversation with President"
        + " of Turkey Recep Tayyip Erdogan. Concerning the grain markets, it was confirmed that"
        + " Russia would export more fertiliser if the sanctions were lifted.");
    assertEquals(List.of("RUS"), actors(out.get(1)));
    assertNull(extract("It was confirmed that Russia would export more fertiliser.").get(0)
        .speaker(), "without a call, nothing says who confirmed it");
  }

  @Test
  void aSpokespersonsOpeningLineNamesItsSpeakerButOpensNoSpeech() {
    String text = "The following is attributable to Jane Roe, Principal Deputy Spokesperson:\n\n"
        + "Secretary Blinken spoke with the Egyptian foreign minister today.";
    List<Statement> plain = extract(text);
    assertEquals("Jane Roe, Principal Deputy Spokesperson", plain.get(0).speaker().mention());
    assertNull(plain.get(1).speaker(), "the call reported is narration, not the spokesperson's");
    List<Statement> official = EXTRACTOR.extract(
        new Document("https://www.state.gov/readout", text));
    assertEquals(List.of("USA"), actors(official.get(0)), "a spokesperson speaks for the issuer");
    Statement other = EXTRACTOR.extract(new Document("https://www.gov.uk/news/x",
        "A Zorgonian spokesman, Jan Brok, said the talks had failed.")).get(0);
    assertEquals(List.of(), actors(other), "a spokesman of a side the dictionary lacks is not"
        + " the issuer's");
  }

  @Test
  void participatingLeadersAreTheSessionsParticipants() {
    List<Statement> out = extract("Secretary of State Antony Blinken participated today in a"
        + " ministerial session chaired by African Union Commission Chairperson Moussa Faki."
        + " Participating leaders agreed on the urgent need for a ceasefire in Sudan.");
    assertNull(out.get(0).speaker(), "taking part in a session is no position");
    assertEquals(List.of("USA", "african-union"), actors(out.get(1)));
  }

  @Test
  void anAgreementSpeaksForItsSignatories() {
    List<Statement> out = extract("A memorandum of understanding was signed between Ethiopia"
        + " and Somaliland on Monday. Reportedly, the MoU stated that Ethiopia would recognise"
        + " Somaliland.");
    assertEquals(List.of("ETH", "somaliland"), actors(out.get(1)));
  }

  @Test
  void headlinesAreMarkedAndReportNoOneActing() {
    List<NewsStatementExtractor.Attributed> out = EXTRACTOR.attribute(Document.of(
        "Border commission meets after weekend shelling\n\n"
        + "Armenia: Azerbaijani troops fired first\n\n"
        + "Delegations from Armenia and Azerbaijan met on Tuesday in Geneva.\n\n"
        + "The talks ended at noon. They will resume next month"));
    assertEquals(List.of(true, true, false, false, false),
        out.stream().map(NewsStatementExtractor.Attributed::headline).toList(),
        "a sentence without a full stop inside a paragraph is no headline");
    assertNull(out.get(0).statement().speaker(), "a headline reports no one acting");
    assertEquals(List.of("ARM"), actors(out.get(1).statement()), "'X: ...' names its speaker");
  }

  @Test
  void maintainingSomethingIsNotSayingItButMaintainingAClauseIs() {
    assertNull(SPEECH_ONLY.extract(Document.of(
        "Iran and Iraq maintain close coordination on regional matters.")).get(0).speaker());
    assertEquals(List.of("somaliland"), actors(SPEECH_ONLY.extract(Document.of(
        "Somaliland maintains the agreement stands.")).get(0)));
    assertEquals(List.of("UKR"), actors(SPEECH_ONLY.extract(Document.of(
        "Ukraine holds that the treaty no longer applies.")).get(0)));
  }
}
