package io.github.demarche.extract;

import io.github.demarche.text.Inflections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words attribution reads: verbs that report speech or a stance, the adjectives of a stance
 * after "is" ("is concerned"), and the words a speaker's noun phrase is made of. Word lists, all
 * lower case; immutable and thread-safe.
 */
final class SpeechCues {
  private SpeechCues() {}

  /** Regular verbs of saying and of taking a stance; inflections are generated. */
  private static final String REGULAR =
      "note stress emphasise emphasize underline underscore reiterate add accuse call urge"
          + " warn deny condemn express insist declare announce welcome support reaffirm affirm"
          + " confirm thank commend agree recognise recognize believe consider regard view reject"
          + " oppose demand claim threaten offer propose hope appreciate deplore encourage share"
          + " highlight voice assert argue dismiss criticise criticize blame praise acknowledge"
          + " maintain intend pledge promise vow continue remain want wish ask request appeal"
          + " invite inform describe denounce protest object refute recall point cite mention"
          + " report respond reply suggest indicate conclude rule recount explain clarify lament"
          + " caution advise endorse condone talk applaud salute congratulate join associate decry slam"
          + " rebuke repudiate allege contend observe remark comment tweet concede predict expect"
          + " fear question challenge assure reassure guarantee hail laud signal restate renew"
          + " press raise convey outline accept approve brand label characterise characterize"
          + " expound underscore disagree doubt welcome demand pledge insist deem dispute"
          + " reassert uphold discuss exchange review";

  /** Irregular forms, and regular ones whose spelling the simple rules would get wrong. */
  private static final String IRREGULAR =
      "states stated stating say says said saying tell tells told hold holds held stand stands stood find finds found"
          + " write writes wrote written seek seeks sought regret regrets regretted commit commits"
          + " committed backs backed admit admits admitted submit submits submitted";

  /** Verbs that may come before their subject: "..., said the minister." */
  static final WordClass INVERTIBLE = WordClass.of(
      "said", "says", "added", "adds", "noted", "notes", "stressed", "stresses", "told",
      "continued", "wrote", "declared", "insisted", "warned", "explained", "asked", "stated",
      "states", "emphasised", "emphasized", "underlined", "remarked", "concluded", "argued",
      "observed", "explains", "warns", "insists", "announced", "reiterated", "replied");

  /** Adjectives of a stance after a form of "be", "remain" or "stand". */
  static final WordClass STANCE_ADJECTIVES = WordClass.of(
      "concerned", "committed", "ready", "prepared", "determined", "opposed", "convinced",
      "confident", "alarmed", "troubled", "disappointed", "grateful", "pleased", "satisfied",
      "appalled", "outraged", "willing", "unwilling", "against", "firm", "resolute", "supportive",
      "eager", "keen", "mindful", "hopeful", "optimistic", "worried", "dismayed", "shocked",
      "saddened", "adamant", "unequivocal", "clear", "aware", "steadfast");

  /** Forms of "be" (and linking verbs) that may come before a stance adjective. */
  static final WordClass LINKING = WordClass.of(
      "is", "are", "was", "were", "been", "remains", "remain", "remained",
      "stands", "stand", "stood");

  static final WordClass PASSIVE_AUX =
      WordClass.of("is", "are", "was", "were", "be", "been", "being");

  /** Words that may stand between a subject and its verb. */
  static final WordClass BETWEEN = WordClass.of(
      "also", "strongly", "further", "again", "later", "once", "fully", "firmly", "deeply",
      "repeatedly", "previously", "initially", "then", "subsequently", "still", "jointly",
      "immediately", "publicly", "reportedly", "officially", "formally", "swiftly", "quickly",
      "categorically", "vehemently", "not", "never", "already", "recently", "earlier", "today",
      "yesterday", "now", "has", "have", "had", "will", "would", "can", "could", "should", "must",
      "may", "might", "does", "do", "did", "shall", "cannot", "always", "consistently", "clearly",
      "explicitly", "unequivocally", "sharply", "firmly", "warmly", "resolutely", "equally",
      "likewise", "similarly", "too", "separately", "directly", "personally", "emphatically",
      "specifically", "particularly", "especially", "very", "most", "constantly", "steadfastly",
      "wholeheartedly", "basically", "seriously", "gravely", "urgently", "greatly", "highly",
      "moreover", "however", "thus", "therefore", "allegedly", "apparently", "just", "only",
      "even", "all", "both", "been");

  /** Subject pronouns that refer back to a speaker named before. */
  static final WordClass PRONOUNS = WordClass.of("he", "she", "it", "they");

  /** First-person and second-person subjects: the speaker is not named. */
  static final WordClass FIRST_PERSON = WordClass.of("i", "we", "you");

  /** Determiners and quantifiers that may open a speaker's noun phrase. */
  static final WordClass DETERMINERS = WordClass.of(
      "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my",
      "both", "each", "all", "many", "most", "several", "some", "various", "other", "another",
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "numerous", "its",
      "either", "neither", "every", "such", "certain", "most");

  /** Nouns naming a person by role; a mention with one of them speaks as a person. */
  static final WordClass PERSON_ROLES = WordClass.of(
      "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "premier",
      "chancellor", "diplomat", "official", "ambassador", "envoy", "representative", "delegate",
      "leader", "commander", "mayor", "governor", "king", "queen", "emir", "prince", "monarch",
      "chairman", "chairwoman", "chair", "chairperson", "director", "director-general",
      "secretary-general", "under-secretary-general", "commissioner", "rapporteur",
      "coordinator", "senator", "congressman", "congresswoman", "lawmaker", "deputy", "pm",
      "counterpart", "head", "chief", "general", "officer", "negotiator", "adviser", "advisor",
      "sultan", "sheikh", "ayatollah", "pope", "speaker", "foreign secretary", "mp", "aide",
      "analyst", "expert", "spokesperson", "sources", "source");

  /** Nouns naming a body, a group or a text; a mention with one of them is not a person. */
  static final WordClass BODY_ROLES = WordClass.of(
      "ministry", "ministries", "government", "governments", "administration", "authorities",
      "authority", "department", "office", "council", "committee", "commission", "parliament",
      "assembly", "group", "groups", "side", "sides", "party", "parties", "country", "countries",
      "nation", "nations", "members", "military", "army", "forces", "force", "command", "guard",
      "navy", "coalition", "alliance", "union", "bloc", "mission", "contingent", "peacekeepers",
      "observers", "monitors", "experts", "investigators", "investigations", "analysts",
      "statement", "communique", "communiqué", "declaration", "embassy", "agency", "service",
      "movement", "regime", "militia", "rebels", "tribunal", "court", "panel", "board",
      "secretariat", "presidency", "cabinet", "palace", "leaders", "officials", "diplomats",
      "co-chairs", "residents", "lawmakers", "legislators", "deputies", "senators", "ministers",
      "states", "delegation", "delegations", "organisation", "organization", "organizations",
      "organisations", "community", "media", "report", "spokespeople", "representatives",
      "envoys", "ambassadors", "presidents", "staff", "leadership", "troops", "people",
      "kingdom", "republic", "federation", "police", "services", "team", "negotiators",
      "protesters", "signatories", "commentators", "critics", "activists", "demonstrators",
      "resolution", "sources", "participants", "allies", "partners", "members", "heads");

  /** Modifiers that may stand inside a speaker's noun phrase. */
  static final WordClass MODIFIERS = WordClass.of(
      "foreign", "defence", "defense", "interior", "affairs", "top", "senior", "former", "acting",
      "prime", "vice", "deputy", "press", "state", "state-run", "human", "rights", "international",
      "independent", "opposition", "federal", "national", "joint", "special", "high", "world",
      "peacekeeping", "coast", "armed", "general", "chief", "official", "government", "security",
      "regional", "local", "military", "western", "european", "other", "permanent", "junior",
      "news", "current", "then", "incoming", "outgoing", "newly", "elected", "presidential",
      "executive", "supreme", "upper", "lower", "house", "foreign-ministry", "humanitarian",
      "separatist", "de", "facto", "breakaway", "self-declared", "so-called", "pro-russian",
      "ex-presidents", "civil", "society", "written", "strong", "majority", "minority",
      "ruling", "main", "leading", "key", "first", "defense", "intelligence", "naval",
      "caretaker", "interim", "transitional", "provisional", "designate", "principal");

  /** Joining words allowed inside a noun phrase between two parts of it. */
  static final WordClass JOINERS = WordClass.of("of", "and", "for", "to", "&", "on", "by");

  /** Capitalised words that never belong to a speaker's noun phrase. */
  static final WordClass CAPITALISED_STOP = WordClass.of(
      "in", "on", "at", "during", "after", "before", "however", "meanwhile", "also", "first",
      "second", "third", "finally", "later", "earlier", "last", "next", "since", "while", "when",
      "as", "but", "yet", "so", "following", "according", "responding", "underlining",
      "referencing", "speaking", "addressing", "notably", "moreover", "furthermore", "today",
      "yesterday", "then", "thus", "therefore", "instead", "still", "though", "although",
      "because", "if", "whereas", "separately", "similarly", "likewise", "again", "once",
      "reportedly", "now", "here", "there", "despite", "amid", "with", "without", "under",
      "over", "from", "into", "through", "upon", "for", "by", "about", "against", "between",
      "among", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "that", "which", "who", "what", "where",
      "why", "how", "it", "he", "she", "they", "we", "i", "you", "there", "this", "these",
      "those", "mr", "mrs", "ms", "dr", "not", "no", "yes", "its", "their", "his", "her", "our",
      "specifically", "per", "overall", "nevertheless", "nonetheless", "indeed", "ultimately",
      "subsequently", "previously", "initially", "additionally", "elsewhere", "shortly");

  private static final WordClass VERBS = WordClass.of(buildVerbs());

  /** Whether a lower-case word is a form of a verb of saying or of stance. */
  static boolean isCueVerb(String lower) {
    return VERBS.contains(lower);
  }

  /** Whether a token is a form of a verb of saying or of stance. */
  static boolean isCueVerb(Token token) {
    return VERBS.contains(token);
  }

  /** Whether a lower-case word is a present participle ("saying", "urging"). */
  static boolean isParticiple(String lower) {
    return lower.endsWith("ing") && VERBS.contains(lower);
  }

  /** Whether a token is a present participle of a verb of saying or of stance. */
  static boolean isParticiple(Token token) {
    return VERBS.contains(token) && token.lower().endsWith("ing");
  }

  private static Set<String> buildVerbs() {
    Set<String> forms = new HashSet<>();
    for (String w : IRREGULAR.split(" ")) {
      forms.add(w);
    }
    for (String lemma : REGULAR.split(" ")) {
      if (lemma.isEmpty()) {
        continue;
      }
      forms.addAll(Inflections.regular(lemma.toLowerCase(Locale.ROOT)));
    }
    return forms;
  }
}
