package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attribution that needs the whole document or the bundled dictionary: the issuer of an official
 * text, meetings and "the two sides", lists of speakers, names repeated. Invented examples.
 */
class DocumentReferencesTest {
  private static final NewsStatementExtractor EXTRACTOR =
      new NewsStatementExtractor(ActorDictionary.defaults());

  static List<Statement> extract(String id, String text) {
    return EXTRACTOR.extract(new Document(id, text));
  }

  static List<String> actors(Statement s) {
    assertNotNull(s.speaker(), "no speaker for: " + s.text());
    return s.speaker().actors().stream().map(Actor::id).toList();
  }

  private static final String READOUT = "The Prime Minister spoke with President Tokayev of"
      + " Kazakhstan this morning.\n\nHe welcomed the new rail corridor across the Caspian.\n\n"
      + "Both leaders condemned the attack on the pipeline.\n\n"
      + "The Prime Minister stressed the importance of open trade routes.";

  @Test
  void anOfficialsRoleInADocumentOfAGovernmentDomainIsThatGovernments() {
    List<Statement> out = extract("https://www.gov.uk/government/news/pm-call-example", READOUT);
    assertNull(out.get(0).speaker(), "a call reported takes no position");
    assertEquals("The Prime Minister", out.get(1).speaker().mention(), "he is the subject before");
    assertEquals(List.of("GBR"), actors(out.get(1)));
    assertEquals(List.of("GBR", "KAZ"), actors(out.get(2)), "both leaders are the two who met");
    assertEquals(List.of("GBR"), actors(out.get(3)));
  }

  @Test
  void withoutAKnownPublisherTheRoleStaysUnresolved() {
    List<Statement> out = extract("readout.txt", READOUT);
    assertEquals(List.of(), actors(out.get(3)));
    assertEquals(List.of(), actors(out.get(2)), "one party of the two is unknown");
  }

  @Test
  void aMeetingWithAPurposeOrAPositionKeepsItsSubjectAsSpeaker() {
    Statement s = extract("-", "Turkish Foreign Minister Hakan Fidan spoke with his Iraqi"
        + " counterpart to condemn the attack on the border post.").get(0);
    assertEquals(List.of("TUR"), actors(s));
    assertNull(extract("-", "Lavrov met his Turkish counterpart in Antalya on Monday.").get(0)
        .speaker());
  }

  @Test
  void aRoleNamedByTheOtherPartyKeepsItsOwnActor() {
    List<Statement> out = extract("https://www.gov.uk/government/news/x",
        "The Prime Minister spoke with President Macron of France. The President said that"
            + " Europe must act together.");
    assertEquals(List.of("FRA"), actors(out.get(1)), "a role said before means that speaker");
  }

  @Test
  void theTwoSidesAreThePartiesBetweenWhichSomethingHappened() {
    List<Statement> out = extract("-", "Fighting broke out between Armenian and Azerbaijani"
        + " troops near the border, with each side blaming the other.\n\nThe two sides later"
        + " agreed to a truce.");
    assertEquals(List.of("ARM", "AZE"), actors(out.get(0)));
    assertEquals(List.of("ARM", "AZE"), actors(out.get(1)));
    assertEquals(List.of(), actors(extract("-", "The two sides agreed to a truce.").get(0)),
        "with no parties named before, the group stays unresolved");
  }

  @Test
  void aListOfSpeakersSpeaksForEachOfThem() {
    assertEquals(List.of("USA", "SAU"), actors(extract("-",
        "The United States and Saudi Arabia said Iran was behind the strike.").get(0)));
    assertEquals(List.of("RUS", "CHN", "IRN"), actors(extract("-",
        "The plan drew criticism from Russia, China and Iran.").get(0)));
    assertEquals(List.of(), actors(extract("-",
        "Britain and other countries condemned the strike.").get(0)), "an open group");
  }

  @Test
  void aRoleInAListMeansTheSpeakerWithThatRole() {
    List<Statement> out = extract("-", "Secretary Blinken spoke today with President Aliyev."
        + " The Secretary and President Aliyev discussed the peace treaty.");
    assertEquals(List.of("USA", "AZE"), actors(out.get(1)));
  }

  @Test
  void aNameRepeatedAloneMeansThePersonNamedInFull() {
    List<Statement> out = extract("-", "Azerbaijani envoy Rashad Quliyev said the talks were"
        + " useful.\n\nThe meeting lasted three hours.\n\nThe border must be marked, Quliyev"
        + " added.");
    assertEquals(List.of("AZE"), actors(out.get(2)));
    assertEquals(List.of(), actors(extract("-", "The border must be marked, Quliyev added.")
        .get(0)), "a name never seen in full resolves to nothing");
  }

  @Test
  void twoTitlesJoinedByAndAreOnePerson() {
    List<Statement> out = extract("-", "Algeria's ambassador and representative to the United"
        + " Nations, Amar Bendaoud, condemned the strike.\n\n"
        + "\u201CPeace needs justice,\u201D diplomat underlined.");
    assertEquals(List.of("DZA"), actors(out.get(1)), "a bare role means the last person");
  }

  @Test
  void aSecondVerbSharesTheSubjectOfTheFirst() {
    Statement s = extract("-", "Azerbaijan has built new roads in the region and warned that"
        + " should Armenia refuse, it will act alone.").get(0);
    assertEquals("Azerbaijan", s.speaker().mention());
  }

  @Test
  void aPassiveAgentAfterAnAdverbSpeaks() {
    Statement s = extract("-", "The strikes were nonetheless condemned by the European Union.")
        .get(0);
    assertEquals(List.of("eu"), actors(s));
  }

  @Test
  void aPastFormBeforeANounIsTheVerb() {
    Statement s = extract("-", "The Kremlin reaffirmed support for the talks.").get(0);
    assertEquals("The Kremlin", s.speaker().mention());
  }

  @Test
  void theSubjectOfAParticipleAfterWithSpeaks() {
    assertEquals(List.of("RUS"), actors(extract("-", "Talks collapsed, with Moscow accusing"
        + " Kyiv of bad faith.").get(0)));
    assertNull(extract("-", "Talks were held with the Prime Minister of Nepal regarding the"
        + " border.").get(0).speaker(), "'regarding' is a preposition");
  }

  private static final String CALL = "Vladimir Putin had a telephone conversation with King Hamad"
      + " bin Isa Al Khalifa of Bahrain, at the Bahraini side's initiative.\n\n"
      + "The leaders discussed trade and investment.\n\n"
      + "They also talked about vaccines.\n\n"
      + "Vladimir Putin informed him about the status of talks with Ukrainian representatives.\n\n"
      + "The President and the King agreed to continue their contacts.";

  @Test
  void theGroupsOfAReadoutAreThePartiesOfItsCall() {
    List<Statement> out = extract("-", CALL);
    assertNull(out.get(0).speaker(), "the call itself is narration");
    assertEquals(List.of("RUS", "BHR"), actors(out.get(1)), "the leaders");
    assertEquals(List.of("RUS", "BHR"), actors(out.get(2)), "they");
    assertEquals(List.of("RUS", "BHR"), actors(out.get(4)),
        "two titles after the call are its two parties; talks named as a topic are no call");
  }

  @Test
  void speakingOnATopicOrInAMannerIsSpeechButSpeakingWithSomeoneIsACall() {
    assertEquals(List.of("UKR"), actors(extract("-",
        "The President of Ukraine spoke with understanding about the proposal.").get(0)));
    assertEquals(List.of("UKR"), actors(extract("-",
        "The President of Ukraine spoke about the proposal.").get(0)));
    assertNull(extract("-", "The President of Ukraine spoke with his Polish counterpart.")
        .get(0).speaker());
  }

  @Test
  void anExchangeOfViewsHeldStatesViews() {
    List<Statement> out = extract("-", "Vladimir Putin had a telephone conversation with"
        + " President of Turkey Recep Tayyip Erdogan.\n\nThe presidents had a detailed exchange"
        + " of views on trade.");
    assertEquals(List.of("RUS", "TUR"), actors(out.get(1)));
  }

  @Test
  void anAgreementThatNamesNoOneIsThePartiesOfTheCall() {
    List<Statement> out = extract("-", "Vladimir Putin had a telephone conversation with"
        + " President of Turkey Recep Tayyip Erdogan.\n\nIt was agreed to continue contacts.");
    assertEquals(List.of("RUS", "TUR"), actors(out.get(1)));
    assertNull(extract("-", "It was agreed to continue contacts.").get(0).speaker(),
        "with no call reported, nobody");
  }

  @Test
  void givingAnAccountStatesViews() {
    List<Statement> out = extract("-", "Iran's foreign minister provided explanations regarding"
        + " the nuclear talks.");
    assertEquals(List.of("IRN"), actors(out.get(0)));
  }

  @Test
  void aCallHeldOnADayWithSomeoneIsACall() {
    assertNull(extract("-", "Iran's foreign minister held a telephone conversation Sunday"
        + " evening with his Iraqi counterpart.").get(0).speaker());
  }

  @Test
  void aPhraseAfterAPrepositionIsNoItemOfTheSubjectList() {
    Statement s = extract("-", "During a call initiated by the Armenian side, Vladimir Putin"
        + " and Nikol Pashinyan discussed the border.").get(0);
    assertEquals("Vladimir Putin and Nikol Pashinyan", s.speaker().mention());
  }

  @Test
  void firstPersonWordsRightAfterAQuotationAreTheQuotedSpeakers() {
    List<Statement> out = extract("-", "\u201CThe attacks must stop,\u201D the Iranian"
        + " foreign minister said.\n\nI repeat our call for restraint.");
    assertEquals(List.of("IRN"), actors(out.get(1)));
  }

  @Test
  void theHeadsOfStateAreThePartiesOfTheCall() {
    List<Statement> out = extract("-", "Vladimir Putin had a telephone conversation with"
        + " President of Turkey Recep Tayyip Erdogan.\n\nThe heads of state exchanged"
        + " congratulations on the anniversary.");
    assertEquals(List.of("RUS", "TUR"), actors(out.get(1)));
  }

  @Test
  void speakingInDetailAboutATopicAndBeginningByPraisingAreSpeech() {
    List<Statement> out = extract("-", "Vladimir Putin spoke in detail about the causes of the"
        + " conflict.\n\nHe began by praising the talks.");
    assertEquals(List.of("RUS"), actors(out.get(0)));
    assertEquals(List.of("RUS"), actors(out.get(1)));
  }

  @Test
  void theyRightAfterACallAreItsTwoParties() {
    List<Statement> out = extract("-", "Vladimir Putin had a telephone conversation with"
        + " President of Turkey Recep Tayyip Erdogan. They discussed trade.");
    assertEquals(List.of("RUS", "TUR"), actors(out.get(1)));
  }

  @Test
  void aMinistryReadoutWithHonorificsAndTitledPartiesIsReadWhole() {
    List<Statement> out = extract("-", "On 5 May 2024 at 10:00 a.m., H.E. Mr. Ivan Example,"
        + " Minister of Foreign Affairs of Mongolia, held talks with H.E. Ms. Ana Example,"
        + " Minister of Foreign Affairs of Kazakhstan.\n\n1. At the outset, the two Ministers"
        + " expressed satisfaction with their relations.");
    assertEquals(2, out.size(), "neither the time nor the honorifics end a sentence");
    assertNull(out.get(0).speaker(), "talks held are narration");
    assertEquals(List.of("MNG", "KAZ"), actors(out.get(1)), "the partner's title says whose");
  }

  @Test
  void whereRemarksWereMadeIsNarrationButKeepsTheSubjectForLater() {
    List<Statement> out = extract("-", "Lavrov made the remarks in a phone conversation with his"
        + " Turkish counterpart on Monday.\n\nHe said the talks must resume.");
    assertNull(out.get(0).speaker());
    assertEquals(List.of("RUS"), actors(out.get(1)));
  }
}
