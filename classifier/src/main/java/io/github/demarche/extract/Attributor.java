package io.github.demarche.extract;

import static io.github.demarche.extract.SpeechCues.BETWEEN;
import static io.github.demarche.extract.SpeechCues.BODY_ROLES;
import static io.github.demarche.extract.SpeechCues.CAPITALISED_STOP;
import static io.github.demarche.extract.SpeechCues.DETERMINERS;
import static io.github.demarche.extract.SpeechCues.FIRST_PERSON;
import static io.github.demarche.extract.SpeechCues.JOINERS;
import static io.github.demarche.extract.SpeechCues.LINKING;
import static io.github.demarche.extract.SpeechCues.MODIFIERS;
import static io.github.demarche.extract.SpeechCues.PASSIVE_AUX;
import static io.github.demarche.extract.SpeechCues.PERSON_ROLES;
import static io.github.demarche.extract.SpeechCues.PRONOUNS;
import static io.github.demarche.extract.SpeechCues.STANCE_ADJECTIVES;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds, in the tokens of one statement unit (quotations masked), the noun phrase that names who
 * made it: the subject of a verb of saying or stance ("X said", "X condemned", "X is concerned"),
 * the subject after an inverted verb ("..., said X"), the source of "according to X", or a
 * headline's "X: ...". Reads only outside quotations. Stateless and thread-safe.
 */
final class Attributor {
  private Attributor() {}

  /** How a speaker mention refers. */
  enum Kind {
    /** Names someone: "Iranian Foreign Ministry spokesman Nasser Kanaani", "The Kremlin". */
    NAMED,
    /** Describes by role only: "the spokesman", "the ministry", "The Prime Minister". */
    DESCRIPTION,
    /** "he", "she", "it", "they". */
    PRONOUN
  }

  /** A speaker mention found in a unit, with its offsets in the document. */
  record Found(int start, int end, String text, Kind kind) {}

  private static final int MAX_PHRASE = 20;
  private static final int MAX_APPOSITION = 30;
  /** Words after which an inverted subject may end: "said X in a statement". */
  private static final WordClass AFTER_INVERTED = WordClass.of(
      "in", "on", "at", "during", "after", "before", "from", "to", "when", "while", "as",
      "earlier", "later", "today", "yesterday", "via", "through", "told", "adding",
      "according");
  private static final WordClass NAME_PARTICLES = WordClass.of(
      "bin", "ibn", "al", "el", "da", "van", "von", "der", "den", "la", "le", "du", "dos", "das",
      "di", "del", "ter", "ben", "abu", "bint", "de", "ould", "y", "zu", "af");
  private static final WordClass NOT_BEFORE_VERB = WordClass.of(
      "to", "that", "which", "who", "whom", "whose", "what", "where", "when", "if", "whether");

  /**
   * The speaker mention of a unit, or null when its words outside quotations name none.
   *
   * @param text the document
   * @param t the unit's tokens
   * @param isActor whether a phrase names an actor (for the headline form "Algeria: ...")
   */
  static Found find(String text, List<Token> t, Predicate<String> isActor) {
    int n = t.size();
    for (int i = 0; i + 1 < n; i++) {
      if (t.get(i).is("according") && t.get(i + 1).is("to")) {
        int[] np = forwardPhrase(t, i + 2);
        if (np != null) {
          return found(text, t, issuerOf(t, np));
        }
      }
    }
    Found headline = headline(text, t, isActor);
    if (headline != null) {
      return headline;
    }
    Found inverted = invertedAtEnd(text, t);
    if (inverted != null) {
      return inverted; // "The EU stands with Ukraine, said X": the clause before is X's words
    }
    Found quoted = quotedAs(text, t);
    if (quoted != null) {
      return quoted; // "IRNA quoted X as saying that Tehran welcomed ...": X speaks
    }
    int main = mainClause(t);
    if (main > 0 && t.get(0).is("as")) {
      // "As Secretary Kerry said, Crimea is part of Ukraine."
      Found source = predicates(text, t, 1, main - 1, isActor);
      if (source != null) {
        return source;
      }
    }
    Found speaker = predicates(text, t, main, n, isActor);
    if (speaker == null) {
      speaker = withParticiple(text, t);
    }
    if (speaker == null) {
      speaker = stanceFrom(text, t);
    }
    if (speaker != null) {
      Found spokenFor = onBehalf(text, t, isActor);
      return spokenFor != null ? spokenFor : speaker;
    }
    Found asked = onInitiative(text, t);
    if (asked != null && !isActor.test(asked.text()) && !isActor.test(firstItem(asked.text()))) {
      return null; // "at the request of the family": no actor asked
    }
    if (asked != null) {
      // "At the initiative of the Uzbek side, X had a telephone conversation with Y": who asked
      // for a call takes no position by asking; the call is reported
      Found subject = agent(text, t, isActor);
      if (subject != null && meeting(text, t, subject) != null) {
        return null;
      }
    }
    return asked;
  }

  /**
   * The subject of the clause reported by an impersonal passive of saying: "it was confirmed that
   * Russia would export ...", "It has been noted that Iran is ready to ..." gives "Russia", "Iran";
   * null when the unit has no such clause or its subject is no noun phrase.
   */
  static Found impersonalThat(String text, List<Token> t) {
    for (int i = 0; i + 4 < t.size(); i++) {
      if (!t.get(i).is("it")) {
        continue;
      }
      int v = i + 1;
      if (t.get(v).is("has") || t.get(v).is("had")) {
        v++;
      }
      if (!(t.get(v).is("was") || t.get(v).is("is") || t.get(v).is("been"))) {
        continue;
      }
      v++;
      while (v < t.size() && t.get(v).isWord() && t.get(v).lower().endsWith("ly")) {
        v++; // "it was also firmly stated"
      }
      if (v + 2 < t.size() && t.get(v).isWord() && t.get(v).lower().endsWith("ed")
          && SpeechCues.isCueVerb(t.get(v)) && t.get(v + 1).is("that")) {
        int[] np = forwardPhrase(t, v + 2);
        if (np != null && np[0] == v + 2 && !PRONOUNS.contains(t.get(np[0]))) {
          return found(text, t, np);
        }
      }
    }
    return null;
  }

  /** The first item of a list: "Britain" of "Britain and other countries". */
  private static String firstItem(String list) {
    int cut = list.length();
    for (String sep : new String[] {",", " and ", " as well as "}) {
      int at = list.indexOf(sep);
      if (at > 0 && at < cut) {
        cut = at;
      }
    }
    return list.substring(0, cut);
  }

  /** Nouns of asking for what happens: "at the request of X", "at the initiative of X". */
  private static final WordClass INITIATIVE_NOUNS = WordClass.of(
      "request", "initiative", "urging", "behest", "insistence", "mediation", "proposal",
      "suggestion");

  /**
   * "The meeting convened at the request of Iran", "At the initiative of Vladimir Putin, talks were
   * held": the party who asked for what the sentence reports; null when the unit names none.
   */
  private static Found onInitiative(String text, List<Token> t) {
    for (int i = 0; i + 3 < t.size(); i++) {
      if (!(t.get(i).is("at") || t.get(i).is("through")) || !t.get(i + 1).is("the")
          || !INITIATIVE_NOUNS.contains(t.get(i + 2)) || !t.get(i + 3).is("of")) {
        continue;
      }
      int[] np = forwardPhrase(t, i + 4);
      if (np != null && np[0] == i + 4 && !PRONOUNS.contains(t.get(np[0]))) {
        for (int k = np[0] + 2; k <= np[1]; k++) {
          if (t.get(k).is("the") && !JOINERS.contains(t.get(k - 1))) {
            // "At the urging of Britain and other countries the UN Security Council will meet"
            int[] cut = backwardPhrase(t, k - 1);
            return cut == null ? null : found(text, t, new int[] {np[0], k - 1});
          }
        }
        return found(text, t, np);
      }
    }
    return null;
  }

  /**
   * The subject of an inverted verb of saying after a comma that closes the sentence: "...,
   * said Ursula von der Leyen." or "..., said the minister in a statement."; null otherwise.
   */
  private static Found invertedAtEnd(String text, List<Token> t) {
    for (int i = t.size() - 2; i > 0 && i >= t.size() - 2 - MAX_PHRASE - MAX_APPOSITION; i--) {
      Token w = t.get(i);
      if (!w.isWord() || !SpeechCues.INVERTIBLE.contains(w)) {
        continue;
      }
      if (!t.get(i - 1).is(",")) {
        return null;
      }
      int[] np = forwardPhrase(t, i + 1);
      if (np == null || np[0] != i + 1 || PRONOUNS.contains(t.get(np[0]))
          || !endsInverted(t, np[1] + 1)) {
        return null;
      }
      for (int k = np[1] + 1; k < t.size(); k++) {
        if (t.get(k).is(",") || t.get(k).type() == Token.Type.QUOTE) {
          return null; // more follows: "..., said X, adding that ..."
        }
      }
      return found(text, t, np);
    }
    return null;
  }

  /** Participles used as prepositions: "talks with X regarding Y" says nothing of X. */
  private static final WordClass PREPOSITION_PARTICIPLES = WordClass.of(
      "regarding", "concerning", "including", "following", "according", "considering");

  /** "..., with Moscow accusing Kyiv of ...": the subject of a participle of saying after "with". */
  private static Found withParticiple(String text, List<Token> t) {
    for (int i = 0; i + 2 < t.size(); i++) {
      if (!t.get(i).is("with")) {
        continue;
      }
      int[] np = forwardPhrase(t, i + 1);
      if (np != null && np[0] == i + 1 && np[1] + 1 < t.size()
          && SpeechCues.isParticiple(t.get(np[1] + 1))
          && !PREPOSITION_PARTICIPLES.contains(t.get(np[1] + 1))
          && !t.get(np[1] + 1).isCapitalized()) {
        return found(text, t, np);
      }
    }
    return null;
  }

  /** Nouns of a document that an issuer puts out: "a statement from the Kremlin". */
  private static final WordClass ISSUED = WordClass.of(
      "statement", "statements", "readout", "communique", "communiqué", "release", "transcript",
      "report", "letter", "note", "declaration");

  /**
   * The phrase naming who issued a document, when {@code np} is one and its issuer follows it
   * after "from", "by" or "of" outside the phrase ("a statement from the Kremlin"), else
   * {@code np}: "according to a statement from the Kremlin" is the Kremlin's.
   */
  private static int[] issuerOf(List<Token> t, int[] np) {
    int k = np[1] + 1;
    if (!ISSUED.contains(t.get(np[1])) || k + 1 >= t.size()
        || !(t.get(k).is("from") || t.get(k).is("by") || t.get(k).is("of"))) {
      return np;
    }
    int[] issuer = forwardPhrase(t, k + 1);
    return issuer != null && issuer[0] == k + 1 ? issuer : np;
  }

  /** Forms of "quote", whose object, not its subject, is the speaker. */
  private static final WordClass QUOTING = WordClass.of("quoted", "quotes", "quoting", "quote");

  /**
   * "IRNA quoted Foreign Minister X as saying that ...", "X was quoted by TASS as saying ...":
   * the one quoted speaks; neither the outlet quoting (a medium is nobody's voice) nor the subject
   * of the clause reported ("Tehran welcomed ...") does. Null when the unit has no "quoted ... as"
   * before a participle of saying.
   */
  private static Found quotedAs(String text, List<Token> t) {
    for (int i = 1; i + 3 < t.size(); i++) {
      if (!QUOTING.contains(t.get(i)) || t.get(i).isCapitalized()) {
        continue;
      }
      if (PASSIVE_AUX.contains(t.get(i - 1))) {
        int as = i + 1;
        if (t.get(as).is("by")) {
          int[] by = forwardPhrase(t, as + 1);
          as = by == null || by[0] != as + 1 ? t.size() : by[1] + 1;
        }
        if (as + 1 < t.size() && t.get(as).is("as") && SpeechCues.isParticiple(t.get(as + 1))) {
          int[] subject = forwardPhrase(t, mainClause(t));
          return subject != null && subject[1] == i - 2 ? found(text, t, subject) : null;
        }
        continue;
      }
      int[] np = forwardPhrase(t, i + 1);
      if (np != null && np[0] == i + 1 && np[1] + 2 < t.size() && t.get(np[1] + 1).is("as")
          && SpeechCues.isParticiple(t.get(np[1] + 2))) {
        return found(text, t, np);
      }
    }
    return null;
  }

  /** Forms of "speak" before "on behalf of": "Speaking on behalf of the European Union". */
  private static final WordClass SPEAKING = WordClass.of("speaking", "spoke", "speaks");

  /**
   * "Speaking on behalf of the European Union, the representative of Spain said ...", "the
   * representative of Guyana, speaking on behalf of the Group of 77, said ...": a delegate voicing
   * a group's position (the form of UN meeting records); the group speaks. Null when the unit has
   * no such phrase or the group resolves to no actor (then the delegate speaks).
   */
  private static Found onBehalf(String text, List<Token> t, Predicate<String> isActor) {
    for (int i = 2; i + 2 < t.size(); i++) {
      if (t.get(i).is("behalf") && t.get(i - 1).is("on") && t.get(i + 1).is("of")
          && SPEAKING.contains(t.get(i - 2))) {
        int[] np = forwardPhrase(t, i + 2);
        if (np == null || np[0] != i + 2) {
          return null;
        }
        Found group = found(text, t, np);
        return isActor.test(group.text()) ? group : null;
      }
    }
    return null;
  }

  /**
   * The parties of "between A and B" ("fighting between Armenian and Azerbaijani forces"), which
   * "each side" or "both sides" may mean; null when the unit has none.
   */
  static Found between(String text, List<Token> t) {
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).is("between")) {
        int[] np = forwardPhrase(t, i + 1);
        return np == null || np[0] != i + 1 ? null : found(text, t, np);
      }
    }
    return null;
  }

  /** Nouns of a stance that name its holder with "from": "condemnation from the EU". */
  private static final WordClass STANCE_NOUNS = WordClass.of(
      "condemnation", "condemnations", "criticism", "criticisms", "opposition", "support",
      "praise", "backing", "rebuke", "rebukes", "protest", "protests", "objection", "objections",
      "warning", "warnings", "rejection", "approval", "endorsement", "recognition");

  /**
   * "The deal has received condemnation and opposition from Somalia, Eritrea and Egypt": the
   * holders of a stance named after "from" (a list is kept whole).
   */
  private static Found stanceFrom(String text, List<Token> t) {
    for (int i = 0; i + 2 < t.size(); i++) {
      if (!t.get(i).isWord() || !STANCE_NOUNS.contains(t.get(i))) {
        continue;
      }
      int j = i + 1;
      while (j + 1 < t.size() && t.get(j).is("and") && STANCE_NOUNS.contains(t.get(j + 1))) {
        j += 2; // "condemnation and opposition from"
      }
      if (j < t.size() && t.get(j).is("from")) {
        int[] np = forwardPhrase(t, j + 1);
        if (np != null && np[0] == j + 1 && !PRONOUNS.contains(t.get(np[0]))) {
          return found(text, t, forwardList(t, np));
        }
      }
    }
    return null;
  }

  /** A phrase widened over the list it opens: "Somalia, Eritrea and Egypt". */
  private static int[] forwardList(List<Token> t, int[] np) {
    int e = np[1];
    while (e + 2 < t.size() && t.get(e + 1).is(",")) {
      int k = e + 2;
      if (t.get(k).is("and")) {
        k++;
      }
      int[] next = forwardPhrase(t, k);
      if (next == null || next[0] != k) {
        break;
      }
      e = next[1];
    }
    return new int[] {np[0], e};
  }

  /** Whether the verb at {@code i} follows "and" (adverbs aside): a second verb of one subject. */
  private static boolean coordinated(List<Token> t, int i) {
    int j = i - 1;
    while (j >= 0 && t.get(j).isWord() && !t.get(j).isCapitalized()
        && !PASSIVE_AUX.contains(t.get(j))
        && (BETWEEN.contains(t.get(j)) || t.get(j).lower().endsWith("ly"))) {
      j--;
    }
    return j > 0 && t.get(j).is("and") && !t.get(j - 1).is(",");
  }

  /** The subject of the first verb of saying or stance in tokens [from, to) that has one. */
  private static Found predicates(
      String text, List<Token> t, int from, int to, Predicate<String> isActor) {
    for (int i = from; i < to; i++) {
      Token w = t.get(i);
      if (!w.isWord()) {
        continue;
      }
      if (w.isCapitalized() || insidePhrase(t, i) || nounBeforeVerb(t, i)) {
        continue; // "The United States", "Kremlin press secretary", "Media reports stated"
      }
      boolean adjective = STANCE_ADJECTIVES.contains(w) && afterLinking(t, i);
      boolean verb = !adjective && ((SpeechCues.isCueVerb(w) && !w.lower().endsWith("ing")
              && !holdsMeeting(t, i) && !keeps(t, i) && !goesOn(t, i) && !unanswered(t, i)
              && !talksNamed(t, i, isActor))
          || (PHRASAL_HEADS.contains(w) && (madeClear(t, i) || spokeAbout(t, i)
              || heldDiscussion(t, i) || gaveAccount(t, i) || beganBy(t, i)))
          || holdsThat(t, i));
      if (!verb && !adjective) {
        continue;
      }
      if (verb && SpeechCues.INVERTIBLE.contains(w)
          && (i == 0 || t.get(i - 1).type() == Token.Type.QUOTE || t.get(i - 1).is(","))) {
        int[] np = forwardPhrase(t, i + 1);
        if (np != null && endsInverted(t, np[1] + 1)) {
          return found(text, t, np);
        }
      }
      int[] byAgent = verb ? passiveAgent(t, i) : null;
      if (byAgent != null) {
        return found(text, t, byAgent); // "was condemned by the United Nations"
      }
      int[] subject = subjectBefore(t, i, verb, from);
      if (subject == null && verb && coordinated(t, i)) {
        // "Azerbaijan has built roads and threatened ...": the verb shares the main subject
        Found shared = agent(text, t, isActor);
        if (shared != null) {
          return shared;
        }
      }
      if (subject != null) {
        if (FIRST_PERSON.contains(t.get(subject[0]))) {
          continue; // "we urge": the author speaks, unnamed
        }
        if (anonymousReports(t, subject) || counted(t, subject[0])) {
          continue; // "Reports indicate that ...", "26 governments support it": no one speaks
        }
        return found(text, t, subject);
      }
    }
    return null;
  }

  /** Forms of "maintain", which says something only with a clause after it. */
  private static final WordClass MAINTAIN = WordClass.of("maintain", "maintains", "maintained");

  /**
   * "Iran and Iraq maintain close coordination": "maintain" keeping something, not saying it
   * ("Somaliland maintains the agreement stands", "maintained that ..." say); true when no
   * clause follows it.
   */
  private static boolean keeps(List<Token> t, int i) {
    if (!MAINTAIN.contains(t.get(i)) || i + 1 >= t.size()) {
      return false;
    }
    if (t.get(i + 1).is("that")) {
      return false;
    }
    for (int k = i + 2; k < t.size() && k <= i + 8; k++) {
      Token x = t.get(k);
      if (!x.isWord() || JOINERS.contains(x) || x.is("in") || x.is("at")) {
        return true; // a comma or a preposition first: "maintain close ties with"
      }
      if (CLAUSE_VERBS.contains(x) || SpeechCues.isCueVerb(x)) {
        return false; // "maintains the agreement stands", "maintains Russia is to blame"
      }
    }
    return true;
  }

  /** Forms of "continue" and "remain", which take a stance only through what follows them. */
  private static final WordClass ASPECTUAL = WordClass.of(
      "continue", "continues", "continued", "remain", "remains", "remained");

  /**
   * "Fighting between Estravia and Morland continued on Monday", "Russia continued its
   * offensive": something going on, not said. "Continue" and "remain" take a stance only with a
   * verb of saying or stance after "to" ("continued to call for", "continues to be concerned"),
   * or when punctuation follows them (", he continued."); "remains concerned" is read from its
   * adjective. True when the verb at {@code i} is one of them and says nothing.
   */
  private static boolean goesOn(List<Token> t, int i) {
    if (!ASPECTUAL.contains(t.get(i)) || i + 1 >= t.size() || !t.get(i + 1).isWord()) {
      return false;
    }
    int k = i + 1;
    if (!t.get(k).is("to")) {
      return true;
    }
    k++;
    while (k < t.size() && t.get(k).isWord() && t.get(k).lower().endsWith("ly")) {
      k++; // "continued to firmly oppose"
    }
    if (k < t.size() && t.get(k).is("be") && k + 1 < t.size()) {
      return !STANCE_ADJECTIVES.contains(t.get(k + 1)); // "continues to be concerned"
    }
    return k >= t.size() || !SpeechCues.isCueVerb(t.get(k));
  }

  /**
   * "Peace talks resume in Geneva", "Ceasefire talks stall", "The border talks ended": "talks"
   * the noun, named by the word before it, not the verb of "Putin talks peace". True when the word
   * at {@code i} is "talks" after a word in lower case that is no role ("peace", but not "the
   * minister talks"), or after the unit's first word (or the first after a colon) when that
   * names no actor and no role.
   */
  private static boolean talksNamed(List<Token> t, int i, Predicate<String> isActor) {
    if (!t.get(i).is("talks") || i == 0 || !t.get(i - 1).isWord()) {
      return false;
    }
    Token before = t.get(i - 1);
    if (PERSON_ROLES.contains(before) || BODY_ROLES.contains(before)) {
      return false;
    }
    boolean first = i == 1 || t.get(i - 2).is(":"); // "Live: Ceasefire talks in Geneva"
    return !before.isCapitalized() || (first && !isActor.test(before.text()));
  }

  /** Forms of the verbs of answering, which say nothing when negated. */
  private static final WordClass ANSWERING = WordClass.of(
      "respond", "responds", "responded", "reply", "replies", "replied", "comment", "comments",
      "commented");
  /** Words that negate a verb: "did not respond", "has never commented". */
  private static final WordClass NEGATIONS = WordClass.of("not", "never");

  /**
   * "The Kremlin did not immediately respond to a request for comment", "The ministry has not
   * replied", "Kyiv has yet to comment": a request answered by silence, the news convention for
   * a party asked who said nothing. True when the verb at {@code i} is one of answering and a
   * negation (or "yet to") stands before it, adverbs and auxiliaries aside.
   */
  private static boolean unanswered(List<Token> t, int i) {
    if (!ANSWERING.contains(t.get(i))) {
      return false;
    }
    if (i >= 2 && t.get(i - 1).is("to") && t.get(i - 2).is("yet")) {
      return true;
    }
    int j = i - 1;
    while (j >= 0 && t.get(j).isWord() && !t.get(j).isCapitalized()
        && (t.get(j).lower().endsWith("ly") || SILENT_AUX.contains(t.get(j)))) {
      j--;
    }
    return j >= 0 && NEGATIONS.contains(t.get(j));
  }

  /** Adverbs between a negation and its verb: "has not yet replied", "never publicly". */
  private static final WordClass SILENT_AUX = WordClass.of("yet", "so", "far", "publicly");

  /** Finite verbs that show a clause: "the agreement stands", "Russia is to blame". */
  private static final WordClass CLAUSE_VERBS = WordClass.of(
      "is", "are", "was", "were", "will", "would", "has", "have", "had", "must", "should", "can",
      "could", "remains", "remain", "stands", "stand", "stood", "did", "does", "do");

  /** "Ukraine holds that ...", "the court held that ...": holding a view. */
  private static boolean holdsThat(List<Token> t, int i) {
    String l = t.get(i).lower();
    return (l.equals("holds") || l.equals("hold") || l.equals("held")) && i + 1 < t.size()
        && t.get(i + 1).is("that");
  }

  /** Adverbs of a whole clause that may stand inside a verb group: "were nonetheless reported". */
  private static final WordClass SENTENCE_ADVERBS = WordClass.of(
      "nonetheless", "nevertheless", "meanwhile", "since", "widely", "long", "subsequently");

  /** The agent of a passive verb of saying or stance: "is recognised by all nations". */
  private static int[] passiveAgent(List<Token> t, int i) {
    int j = i - 1;
    while (j >= 0 && t.get(j).isWord() && !t.get(j).isCapitalized()
        && !PASSIVE_AUX.contains(t.get(j)) && (t.get(j).lower().endsWith("ly")
            || SENTENCE_ADVERBS.contains(t.get(j)) || BETWEEN.contains(t.get(j)))) {
      j--; // "were nonetheless reported by", "has also been condemned by"
    }
    if (j < 0 || !PASSIVE_AUX.contains(t.get(j)) || t.get(j).isCapitalized()) {
      return null;
    }
    int k = i + 1;
    while (k < t.size() && t.get(k).isWord() && t.get(k).lower().endsWith("ly")) {
      k++;
    }
    if (k >= t.size() || !t.get(k).is("by")) {
      return null;
    }
    int[] np = forwardPhrase(t, k + 1);
    return np == null || PRONOUNS.contains(t.get(np[0])) ? null : np;
  }

  /**
   * "spoke about the war", "spoke of", "spoke with understanding": speaking on a topic or in a
   * manner, unlike "spoke with his counterpart", a call.
   */
  private static boolean spokeAbout(List<Token> t, int i) {
    String l = t.get(i).lower();
    if (!(l.equals("spoke") || l.equals("speaks") || l.equals("spoken")) || i + 1 >= t.size()) {
      return false;
    }
    int n = i + 1;
    while (n + 1 < t.size() && (t.get(n).lower().endsWith("ly") && t.get(n).isWord()
        || (t.get(n).is("in") && t.get(n + 1).is("detail"))
        || (t.get(n).is("at") && t.get(n + 1).is("length")))) {
      n += t.get(n).lower().endsWith("ly") ? 1 : 2; // "spoke in detail about", "spoke briefly of"
    }
    if (n >= t.size()) {
      return false;
    }
    Token next = t.get(n);
    if (next.is("about") || next.is("of") || next.is("on")) {
      return true;
    }
    if (!next.is("with") || n + 1 >= t.size()) {
      return false;
    }
    Token manner = t.get(n + 1);
    return manner.isWord() && !manner.isCapitalized() && !DETERMINERS.contains(manner)
        && !PRONOUNS.contains(manner) && !manner.is("him") && !manner.is("them");
  }

  /** Nouns of a discussion held, whose subject states views: "had an exchange of views on". */
  private static final WordClass DISCUSSION_NOUNS = WordClass.of(
      "exchange", "exchanges", "discussion", "discussions");

  /**
   * "had a detailed exchange of views on trade", "held discussions on the border": the subject
   * states views, unless a party met follows ("held discussions with X" is a meeting).
   */
  private static boolean heldDiscussion(List<Token> t, int i) {
    String l = t.get(i).lower();
    if (!(l.equals("had") || l.equals("held") || l.equals("has") || l.equals("have"))) {
      return false;
    }
    for (int j = i + 1; j < t.size() && j <= i + 4; j++) {
      if (!t.get(j).isWord() || t.get(j).isCapitalized()) {
        return false;
      }
      if (DISCUSSION_NOUNS.contains(t.get(j))) {
        int k = j + 1;
        if (k + 1 < t.size() && t.get(k).is("of") && t.get(k + 1).is("views")) {
          k += 2;
        }
        return k < t.size() && (t.get(k).is("on") || t.get(k).is("about")
            || t.get(k).is("regarding") || t.get(k).is("concerning"));
      }
    }
    return false;
  }

  /** Nouns of words spoken, as "made the remarks" refers back to them. */
  private static final WordClass REMARK_NOUNS = WordClass.of(
      "remarks", "comments", "statement", "statements", "speech", "announcement");

  /**
   * Whether the main clause after {@code agent} says where or when words reported elsewhere were
   * said: "X made the remarks in a phone call with Y", "X made these comments on Monday".
   */
  static boolean madeTheRemarks(List<Token> t, Found agent) {
    int k = 0;
    while (k < t.size() && t.get(k).start() < agent.end()) {
      k++;
    }
    return k + 2 < t.size() && t.get(k).is("made")
        && (t.get(k + 1).is("the") || t.get(k + 1).is("these") || t.get(k + 1).is("those")
            || t.get(k + 1).is("his") || t.get(k + 1).is("her") || t.get(k + 1).is("its"))
        && REMARK_NOUNS.contains(t.get(k + 2));
  }

  /** Verbs of taking part: "joined the session", "attended the summit". */
  private static final WordClass ATTEND_VERBS = WordClass.of(
      "join", "joins", "joined", "attend", "attends", "attended");
  /** Gatherings one takes part in, besides the meetings of {@link #MEETING_NOUNS}. */
  private static final WordClass GATHERINGS = WordClass.of(
      "session", "summit", "meeting", "talks", "conference", "ceremony", "forum", "call");

  /**
   * "held a telephone conversation", "holds talks", "joined the session": holding or attending a
   * meeting, not a view.
   */
  private static boolean holdsMeeting(List<Token> t, int i) {
    String l = t.get(i).lower();
    boolean attend = ATTEND_VERBS.contains(t.get(i));
    if (!MEETING_HOLD.contains(t.get(i)) && !l.equals("hold") && !attend) {
      return false;
    }
    for (int j = i + 1; j < t.size() && j <= i + 4; j++) {
      String x = t.get(j).lower();
      if (MEETING_NOUNS.contains(x) || (attend && GATHERINGS.contains(x))) {
        return true;
      }
    }
    return false;
  }

  /** Nouns of an account given: "provided explanations", "gave a briefing", "offered an update". */
  private static final WordClass ACCOUNT_NOUNS = WordClass.of(
      "explanation", "explanations", "assessment", "assessments", "update", "updates",
      "briefing", "account", "details", "overview", "information", "views", "view", "opinion",
      "opinions", "remarks", "reassurances", "assurances", "message");
  private static final WordClass ACCOUNT_VERBS = WordClass.of(
      "provided", "provides", "gave", "gives", "offered", "offers", "presented", "presents",
      "delivered", "delivers", "shared", "shares", "conveyed", "conveys");

  /** "provided explanations regarding", "gave a detailed assessment of": giving an account. */
  private static boolean gaveAccount(List<Token> t, int i) {
    if (!ACCOUNT_VERBS.contains(t.get(i))) {
      return false;
    }
    for (int j = i + 1; j < t.size() && j <= i + 4; j++) {
      if (!t.get(j).isWord() || t.get(j).isCapitalized()) {
        return false;
      }
      if (ACCOUNT_NOUNS.contains(t.get(j))) {
        return true;
      }
    }
    return false;
  }

  /** Verbs of an order of speaking: "He began by praising", "The PM ended by reaffirming". */
  private static final WordClass ORDER_VERBS = WordClass.of(
      "began", "begins", "opened", "opens", "started", "starts", "ended", "ends", "closed",
      "closes", "concluded", "concludes", "finished");

  /**
   * Every verb that opens a phrase of speaking ("made clear", "spoke about", "had an exchange of
   * views", "provided explanations", "began by praising"): one look-up per word before the
   * phrase is read.
   */
  private static final WordClass PHRASAL_HEADS = phrasalHeads();

  private static WordClass phrasalHeads() {
    java.util.HashSet<String> heads = new java.util.HashSet<>(ORDER_VERBS.words());
    heads.addAll(ACCOUNT_VERBS.words());
    heads.addAll(Set.of("made", "make", "makes", "spoke", "speaks", "spoken", "had", "held",
        "has", "have"));
    return WordClass.of(heads);
  }

  /** How many words may name what was opened or closed: "opened the summit by calling for". */
  private static final int MAX_OPENED = 4;

  /**
   * "began by praising", "ended by reaffirming", "opened the summit by calling for", "closed the
   * debate by urging": opening or closing (a meeting, a speech) with a verb of saying; what was
   * opened is a few words in lower case, no name of anyone.
   */
  private static boolean beganBy(List<Token> t, int i) {
    if (!ORDER_VERBS.contains(t.get(i))) {
      return false;
    }
    int k = i + 1;
    while (k < t.size() && k - i <= MAX_OPENED && t.get(k).isWord() && !t.get(k).is("by")
        && !t.get(k).isCapitalized() && !SpeechCues.isCueVerb(t.get(k))) {
      k++; // "the summit", "his speech", "the meeting"
    }
    return k + 1 < t.size() && t.get(k).is("by") && SpeechCues.isParticiple(t.get(k + 1));
  }

  /**
   * Whether a subject starting at {@code s} is counted with digits: "26 governments" (a year, "In
   * 2021 the PRC", counts nothing).
   */
  private static boolean counted(List<Token> t, int s) {
    return Character.isDigit(t.get(s).text().charAt(0)) || (s > 0 && t.get(s - 1).isWord()
        && t.get(s - 1).text().length() <= 3 && t.get(s - 1).text().chars().allMatch(Character::isDigit));
  }

  /** Nouns of anonymous reporting: "Reports indicate", "media reports suggest". */
  private static final WordClass REPORT_NOUNS = WordClass.of(
      "reports", "report", "rumours", "rumors", "media");

  /**
   * Whether a subject is anonymous reporting: its head is a report noun and no word of it but the
   * sentence's first is capitalised ("Reports", "Local media reports", but not "A UN report").
   */
  private static boolean anonymousReports(List<Token> t, int[] np) {
    if (!REPORT_NOUNS.contains(t.get(np[1]))) {
      return false;
    }
    for (int i = np[0]; i <= np[1]; i++) {
      if (i > 0 && t.get(i).isCapitalized()) {
        return false;
      }
    }
    return true;
  }

  /** "made clear", "makes it clear". */
  private static boolean madeClear(List<Token> t, int i) {
    String l = t.get(i).lower();
    if (!(l.equals("made") || l.equals("make") || l.equals("makes"))) {
      return false;
    }
    int j = i + 1;
    if (j < t.size() && t.get(j).is("it")) {
      j++;
    }
    return j < t.size() && t.get(j).is("clear");
  }

  /**
   * The subject of the main clause, when it is followed by something that reads as a verb: "Japan
   * lodged a protest", "The Prime Minister spoke with ...". The actor a sentence reports acting;
   * also what later pronouns refer to. Null when none is clear, and for "it" (often expletive).
   */
  static Found agent(String text, List<Token> t, Predicate<String> isActor) {
    int i = mainClause(t);
    if (i == 0 && !t.isEmpty() && t.get(0).isWord()
        && CAPITALISED_STOP.contains(t.get(0)) && !PRONOUNS.contains(t.get(0))) {
      i = afterComma(t, 0);
    }
    // an introductory phrase may end in a comma: "Together with our partners, the UK has ..."
    for (int tries = 0; tries < 4 && i < t.size(); tries++, i = afterComma(t, i)) {
      if (i > 0 && !t.get(i - 1).is(",") && !t.get(i - 1).is(";") && tries > 0) {
        break;
      }
      int[] np = forwardPhrase(t, i);
      if (np == null || (t.get(np[0]).is("it") && !actsInThePast(t, np[0] + 1))) {
        continue; // "it is clear", "it was agreed": "it" names no one
      }
      if (np[0] == 0 && np[1] == 0 && !PRONOUNS.contains(t.get(0))
          && !looksLikeName(t.get(0))
          && !isActor.test(t.get(0).text())) {
        continue; // "Talks will resume": a capital at the sentence start proves nothing
      }
      if (np[1] + 3 < t.size() && t.get(np[1] + 1).is("(") && t.get(np[1] + 3).is(")")
          && t.get(np[1] + 2).isCapitalized()) {
        np = new int[] {np[0], np[1] + 3}; // "the United Nations (U.N.) arranged"
      }
      if (verbLike(t, np[1] + 1)) {
        return found(text, t, withList(t, np, i));
      }
      int[] parenthetical = parentheticalAfter(t, np);
      if (parenthetical != null) {
        return found(text, t, parenthetical);
      }
    }
    return null;
  }

  /**
   * A meeting or call the unit reports: the party met ({@code partner}), and whether reporting it
   * is all the main clause does ({@code onlyMeeting}: "The Prime Minister spoke with President
   * Zelenskyy", "Lavrov met his Turkish counterpart", "X held talks with Y") rather than a
   * position taken during it ("X made the remarks in a phone call with Y").
   */
  record Meeting(Found partner, boolean onlyMeeting) {}

  /** Verbs whose object, or whose "with"/"to" phrase, is a party met. */
  private static final WordClass MEETING_VERBS = WordClass.of(
      "spoke", "speaks", "talked", "conferred", "met", "meets", "phoned", "phones", "hosted",
      "hosts", "received", "receives", "visited", "visits", "telephoned");
  /** Verbs that take a meeting noun: "held talks with", "had a phone call with". */
  private static final WordClass MEETING_HOLD = WordClass.of("held", "holds", "had", "has");
  /** Nouns of a meeting or call. */
  private static final WordClass MEETING_NOUNS = WordClass.of(
      "talks", "call", "conversation", "meeting", "discussions", "consultations", "conference",
      "phone", "telephone", "exchange");

  /**
   * The meeting reported by a unit whose main clause has subject {@code agent}, or null: the verb
   * after the subject is one of meeting ("spoke with", "met", "held talks with"), or the unit
   * names a "conversation/call/meeting with" someone.
   */
  static Meeting meeting(String text, List<Token> t, Found agent) {
    int k = 0;
    while (k < t.size() && t.get(k).start() < agent.end()) {
      k++;
    }
    if (k < t.size() && t.get(k).is(",")) {
      k++; // "X, Minister of Foreign Affairs of Y, held talks with"
    }
    while (k < t.size() && t.get(k).isWord() && !t.get(k).isCapitalized()
        && (BETWEEN.contains(t.get(k)) || t.get(k).lower().endsWith("ly"))
        && !MEETING_HOLD.contains(t.get(k))) {
      k++;
    }
    if (k < t.size() && t.get(k).isWord() && !t.get(k).isCapitalized()) {
      String verb = t.get(k).lower();
      int j = k + 1;
      if (MEETING_HOLD.contains(t.get(k))) {
        int limit = Math.min(t.size(), k + 6);
        while (j < limit && !MEETING_NOUNS.contains(t.get(j))) {
          j++;
        }
        j = j < limit ? j + 1 : t.size();
        while (j < t.size() && MEETING_NOUNS.contains(t.get(j))) {
          j++; // "a telephone conversation with"
        }
      }
      if (MEETING_VERBS.contains(t.get(k)) || (MEETING_HOLD.contains(t.get(k)) && j < t.size())) {
        Found partner = partnerAfter(text, t, j);
        if (partner != null) {
          return new Meeting(partner, onlyCircumstances(t, partner.end()));
        }
      }
      if (TAKE_PART.contains(t.get(k))
          || (verb.equals("took") && j < t.size() && t.get(j).is("part"))) {
        Found chair = chairOf(text, t, j);
        if (chair != null) {
          return new Meeting(chair, onlyCircumstances(t, chair.end()));
        }
      }
    }
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i + 1).is("with") && MEETING_NOUNS.contains(t.get(i))
          && !aboutMeeting(t, i)) {
        Found partner = partnerAfter(text, t, i + 1);
        if (partner != null) {
          return new Meeting(partner, false);
        }
      }
    }
    return null;
  }

  /** Verbs of taking part in a gathering someone else leads. */
  private static final WordClass TAKE_PART = WordClass.of("participated", "participates");

  /**
   * Who leads the gathering taken part in: "participated today in a ministerial session under the
   * leadership of X" (or "chaired by X", "hosted by X", "convened by X"); null when no one is named
   * within the next dozen words.
   */
  private static Found chairOf(String text, List<Token> t, int from) {
    for (int i = from; i + 2 < t.size() && i < from + 12; i++) {
      int at = -1;
      if (t.get(i).is("under") && t.get(i + 1).is("the") && t.get(i + 2).is("leadership")
          && i + 3 < t.size() && t.get(i + 3).is("of")) {
        at = i + 4;
      } else if ((t.get(i).is("chaired") || t.get(i).is("hosted") || t.get(i).is("convened"))
          && t.get(i + 1).is("by")) {
        at = i + 2;
      }
      if (at >= 0) {
        int[] np = forwardPhrase(t, at);
        return np == null || np[0] != at || PRONOUNS.contains(t.get(at))
            ? null : found(text, t, np);
      }
    }
    return null;
  }

  /** Words that make a meeting noun a topic: "the status of talks with X" was not held. */
  private static final WordClass TOPIC_WORDS = WordClass.of(
      "of", "about", "concerning", "regarding", "on", "for", "into", "future", "resumption");

  /** Whether the meeting noun at {@code i} is a topic rather than a meeting held. */
  private static boolean aboutMeeting(List<Token> t, int i) {
    int j = i - 1;
    while (j >= 0 && MEETING_NOUNS.contains(t.get(j))) {
      j--; // "a telephone conversation"
    }
    return j >= 0 && TOPIC_WORDS.contains(t.get(j));
  }

  /** Times of day that may stand between a meeting and the party met. */
  private static final WordClass WHEN = WordClass.of(
      "today", "yesterday", "tonight", "evening", "morning", "afternoon", "night");
  private static final WordClass DAYS = WordClass.of(
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  /** Words of time, place and means that may follow the party met: "this evening", "by phone". */
  private static final WordClass CIRCUMSTANCES = WordClass.of(
      "today", "yesterday", "tonight", "this", "last", "evening", "afternoon", "morning", "night",
      "week", "weekend", "on", "in", "at", "by", "phone", "telephone", "video", "link", "the",
      "earlier", "later", "via", "over", "a", "an", "call", "videoconference", "capital",
      // "with X, Commander of Y, and with Z", "at the Bahraini side's initiative"
      "and", "with", "of", "separately", "also", "side", "side's", "side\u2019s", "initiative",
      "request", "invitation");

  /**
   * Whether the unit after {@code from} says only when, where or how a meeting took place: no
   * purpose ("to discuss"), no participle ("thanking him"), no topic ("about the war").
   */
  private static boolean onlyCircumstances(List<Token> t, int from) {
    for (int i = 0; i < t.size(); i++) {
      Token x = t.get(i);
      if (x.start() < from || !x.isWord() || x.isCapitalized()
          || Character.isDigit(x.text().charAt(0))) {
        continue;
      }
      if (!CIRCUMSTANCES.contains(x)) {
        return false;
      }
    }
    return true;
  }

  /** The party after a meeting verb or noun: "with his Ukrainian counterpart Dmytro Kuleba". */
  private static Found partnerAfter(String text, List<Token> t, int j) {
    while (j < t.size() && t.get(j).isWord() && ((!t.get(j).isCapitalized()
        && (t.get(j).is("with") || t.get(j).is("to") || t.get(j).is("by")
            || t.get(j).is("phone") || t.get(j).is("telephone") || WHEN.contains(t.get(j))
            || t.get(j).lower().endsWith("ly")))
        || DAYS.contains(t.get(j)))) {
      j++; // "held a call Sunday evening with X"
    }
    int[] np = forwardPhrase(t, j);
    if (np == null || PRONOUNS.contains(t.get(np[0]))) {
      return null;
    }
    if (np[1] + 2 < t.size() && t.get(np[1] + 1).is(",")) {
      // "with H.E. Mr. X, Minister of Foreign Affairs of Kazakhstan": the title says whose
      int[] apposition = forwardPhrase(t, np[1] + 2);
      if (apposition != null && apposition[0] == np[1] + 2 && hasPersonRole(t, apposition)
          && (apposition[1] + 1 == t.size() || !t.get(apposition[1] + 1).isWord())) {
        np = new int[] {np[0], apposition[1]};
      }
    }
    return found(text, t, np);
  }

  /** "NATO", "Amir-Abdollahian", "McCarthy": capitals a common word would not have. */
  private static boolean looksLikeName(Token x) {
    String w = x.text();
    for (int i = 1; i < w.length(); i++) {
      if (Character.isUpperCase(w.charAt(i))) {
        return true;
      }
    }
    return PERSON_ROLES.contains(x) || BODY_ROLES.contains(x);
  }

  private static int afterComma(List<Token> t, int from) {
    int i = from;
    while (i < t.size() && !t.get(i).is(",")) {
      if (t.get(i).is(";") || t.get(i).type() == Token.Type.QUOTE) {
        return t.size();
      }
      i++;
    }
    return i + 1;
  }

  /**
   * "Zelenskyy, in an address to parliament, invoked ...": the phrase, with what stands between
   * commas after it when that is itself a noun phrase, if a verb follows the second comma.
   */
  private static int[] parentheticalAfter(List<Token> t, int[] np) {
    int comma = np[1] + 1;
    if (comma >= t.size() || !t.get(comma).is(",")) {
      return null;
    }
    int k = comma + 1;
    while (k < t.size() && k - comma < MAX_APPOSITION && !t.get(k).is(",")) {
      Token x = t.get(k);
      if (x.type() == Token.Type.QUOTE || x.is(".") || x.is(";") || x.is(":")) {
        return null;
      }
      k++;
    }
    if (k >= t.size() || !t.get(k).is(",") || !verbLike(t, k + 1)) {
      return null;
    }
    int[] apposition = exactPhrase(t, comma + 1, k - 1);
    return apposition != null ? new int[] {np[0], apposition[1]} : np;
  }

  /**
   * Whether the word at {@code i} is a verb in the past other than "be" ("it published", "it
   * launched"): then "it" stands for an actor named before, not for a clause to come.
   */
  private static boolean actsInThePast(List<Token> t, int i) {
    if (i >= t.size() || !t.get(i).isWord() || t.get(i).isCapitalized()) {
      return false;
    }
    String l = t.get(i).lower();
    return !PASSIVE_AUX.contains(t.get(i)) && !l.equals("seemed") && !l.equals("appeared")
        && !l.equals("remained") && !l.equals("had")
        && (l.endsWith("ed") || IRREGULAR_PAST.contains(t.get(i)));
  }

  /** Irregular past forms that open a predicate: "Japan made", "the minister met". */
  private static final WordClass IRREGULAR_PAST = WordClass.of(
      "made", "met", "sent", "took", "put", "gave", "spoke", "came", "began", "led", "saw", "won",
      "went", "left", "became", "kept", "brought", "fought", "struck", "drew", "chose", "rose",
      "ran", "set", "cut", "hit", "paid", "got", "lost", "sought", "held", "told", "wrote",
      "laid", "withdrew", "undertook", "stood", "understood", "upheld", "withheld", "bore");

  private static boolean verbLike(List<Token> t, int i) {
    while (i < t.size() && t.get(i).isWord() && !t.get(i).isCapitalized()
        && (BETWEEN.contains(t.get(i)) || t.get(i).lower().endsWith("ly"))) {
      if (!t.get(i).lower().endsWith("ly")) {
        return true; // an auxiliary: "has", "will", "did"
      }
      i++;
    }
    if (i >= t.size() || !t.get(i).isWord() || t.get(i).isCapitalized()) {
      return false;
    }
    String l = t.get(i).lower();
    Token w = t.get(i);
    if (JOINERS.contains(w) || DETERMINERS.contains(w) || NOT_BEFORE_VERB.contains(w)) {
      return false;
    }
    if (PASSIVE_AUX.contains(w) && passiveAfter(t, i + 1)) {
      return false; // "Azerbaijan was accused of ...": the subject is acted upon
    }
    return LINKING.contains(w) || SpeechCues.isCueVerb(w) || IRREGULAR_PAST.contains(w)
        || l.endsWith("ed") || (l.endsWith("s") && !l.endsWith("ss") && l.length() > 3);
  }

  private static boolean passiveAfter(List<Token> t, int i) {
    while (i < t.size() && t.get(i).isWord() && (t.get(i).lower().endsWith("ly")
        || t.get(i).is("not") || t.get(i).is("being") || t.get(i).is("been"))) {
      i++;
    }
    if (i >= t.size() || !t.get(i).isWord()) {
      return false;
    }
    String l = t.get(i).lower();
    Token w = t.get(i);
    return !STANCE_ADJECTIVES.contains(w) && (l.endsWith("ed") || IRREGULAR_PAST.contains(w)
        || (SpeechCues.isCueVerb(w) && !l.endsWith("ing") && !l.endsWith("s")));
  }

  /** Words that open a subordinate clause before the main one: "After X said ..., Y ...". */
  private static final WordClass SUBORDINATORS = WordClass.of(
      "after", "when", "while", "although", "though", "because", "if", "as", "since", "before",
      "once", "until", "whereas", "despite", "following", "given", "having", "unless");

  /** Where the main clause starts: after the first comma when a subordinate clause opens. */
  private static int mainClause(List<Token> t) {
    if (t.isEmpty() || !t.get(0).isWord() || !SUBORDINATORS.contains(t.get(0))) {
      return 0;
    }
    for (int i = 1; i < t.size(); i++) {
      if (t.get(i).is(",")) {
        return i + 1;
      }
    }
    return 0;
  }

  /** "Media reports stated": a verb form directly followed by another is a noun. */
  private static boolean nounBeforeVerb(List<Token> t, int i) {
    if (i + 1 >= t.size() || t.get(i).lower().endsWith("ed")) {
      return false; // a past form is the verb: "reaffirmed support", "welcomed calls"
    }
    int j = i + 1;
    while (j < t.size() && t.get(j).isWord() && !t.get(j).isCapitalized()
        && t.get(i).lower().endsWith("s")
        && (t.get(j).lower().endsWith("ly") || t.get(j).is("also"))) {
      j++; // "protests also erupted"
    }
    if (j >= t.size()) {
      return false;
    }
    Token next = t.get(j);
    String l = next.lower();
    return next.isWord() && !next.isCapitalized() && !l.endsWith("ing")
        && (SpeechCues.isCueVerb(next) || (j > i + 1 && l.endsWith("ed")));
  }

  /**
   * A phrase widened to the list it ends ("The United Nations, Ukraine, and many other
   * countries"), or to a title set before it ("Iran's Acting Foreign Minister, Bagheri Kani").
   */
  private static int[] withList(List<Token> t, int[] np, int floor) {
    int s = np[0];
    boolean coordinated = s >= 2 && t.get(s - 1).is("and") && t.get(s - 2).is(",");
    for (int i = np[0]; i <= np[1] && !coordinated; i++) {
      coordinated = t.get(i).is("and") && s >= 1 && t.get(s - 1).is(",");
    }
    if (coordinated) {
      int comma = t.get(s - 1).is(",") ? s - 1 : s - 2;
      while (comma >= 1 && comma > floor) {
        int[] prev = backwardPhrase(t, comma - 1);
        if (prev == null || prev[1] != comma - 1 || prev[0] < floor
            || (prev[0] > 0 && !t.get(prev[0] - 1).is(","))) {
          break; // "initiated by the Armenian side, A and B discussed": no list item
        }
        s = prev[0];
        if (s >= 1 && t.get(s - 1).is(",")) {
          comma = s - 1;
        } else {
          break;
        }
      }
      return new int[] {s, np[1]};
    }
    if (s >= 2 && s - 1 > floor && t.get(s - 1).is(",")) {
      int[] title = backwardPhrase(t, s - 2);
      if (title != null && (title[0] == 0 || t.get(title[0] - 1).is(","))
          && hasPersonRole(t, title) && !DETERMINERS.contains(t.get(s))) {
        return new int[] {title[0], np[1]};
      }
    }
    return np;
  }

  private static boolean hasPersonRole(List<Token> t, int[] np) {
    for (int i = np[0]; i <= np[1]; i++) {
      if (PERSON_ROLES.contains(t.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** A modifier that is also a verb form ("press", "state") followed by more of a phrase. */
  private static boolean insidePhrase(List<Token> t, int i) {
    return MODIFIERS.contains(t.get(i)) && i + 1 < t.size() && isMaterial(t, i + 1)
        && !DETERMINERS.contains(t.get(i + 1));
  }

  private static boolean afterLinking(List<Token> t, int i) {
    for (int j = i - 1; j >= 0 && t.get(j).isWord() && !t.get(j).isCapitalized(); j--) {
      String l = t.get(j).lower();
      if (LINKING.contains(t.get(j))) {
        return true;
      }
      if (!BETWEEN.contains(t.get(j)) && !l.endsWith("ly")) {
        return false;
      }
    }
    return false;
  }

  private static boolean endsInverted(List<Token> t, int after) {
    if (after >= t.size()) {
      return true;
    }
    Token next = t.get(after);
    return !next.isWord() || AFTER_INVERTED.contains(next);
  }

  /** The phrase before the verb at {@code p}, as token indices {start, end}, or null. */
  private static int[] subjectBefore(List<Token> t, int p, boolean verb, int floor) {
    int j = p - 1;
    boolean sawBe = false;
    while (j >= 0 && t.get(j).isWord() && !t.get(j).isCapitalized()
        && (BETWEEN.contains(t.get(j)) || t.get(j).lower().endsWith("ly")
            || (!verb && LINKING.contains(t.get(j))))) {
      sawBe |= PASSIVE_AUX.contains(t.get(j));
      j--;
    }
    if (j < 0 || (verb && sawBe)) {
      return null; // nothing before, or a passive: "was accused by"
    }
    j = beforeTimeAdjunct(t, j);
    if (j < 0) {
      return null;
    }
    Token prev = t.get(j);
    if (prev.isWord() && NOT_BEFORE_VERB.contains(prev)) {
      return null;
    }
    if (prev.isWord()
        && (PRONOUNS.contains(prev) || FIRST_PERSON.contains(prev))) {
      return j == 0 || !isMaterial(t, j - 1) ? new int[] {j, j} : null;
    }
    if (prev.is(",")) {
      return beforeApposition(t, j);
    }
    if (prev.is(")") && j >= 3 && t.get(j - 2).is("(") && t.get(j - 1).isCapitalized()) {
      // "Armenia's National Security Service (NSS) stated"
      int[] named = backwardPhrase(t, j - 3);
      return named == null ? null : new int[] {withList(t, named, floor)[0], j};
    }
    int[] np = backwardPhrase(t, j);
    return np == null ? null : withList(t, np, floor);
  }

  /**
   * Where the subject ends when a time adjunct stands between it and its verb: "Guyana on Monday
   * accused", "The ministry on Tuesday night said"; {@code j} itself otherwise.
   */
  private static int beforeTimeAdjunct(List<Token> t, int j) {
    int k = j;
    if (k >= 1 && WHEN.contains(t.get(k))) {
      k--; // "night", "evening"
    }
    if (k >= 2 && DAYS.contains(t.get(k)) && t.get(k - 1).is("on")) {
      return k - 2;
    }
    return j;
  }

  /**
   * "Kim Jong-un, the leader of North Korea, said": the phrase before the first comma, with the
   * apposition when that is itself a noun phrase; a clause in between ("Kuleba, for his part,
   * said") is left out.
   */
  private static int[] beforeApposition(List<Token> t, int comma) {
    int k = comma - 1;
    int limit = Math.max(0, comma - MAX_APPOSITION);
    while (k >= limit && !t.get(k).is(",")) {
      Token x = t.get(k);
      if (x.type() == Token.Type.QUOTE || x.is(".") || x.is(";") || x.is(":")) {
        return null;
      }
      k--;
    }
    int[] apposition = exactPhrase(t, k + 1, comma - 1);
    if (k < limit) {
      return null;
    }
    int[] before = backwardPhrase(t, k - 1);
    if (before != null) {
      return apposition != null ? new int[] {before[0], apposition[1]} : before;
    }
    return apposition;
  }

  private static int[] exactPhrase(List<Token> t, int from, int to) {
    int[] np = forwardPhrase(t, from);
    return np != null && np[0] == from && np[1] == to ? np : null;
  }

  /** The noun phrase ending at token {@code e}, or null. */
  static int[] backwardPhrase(List<Token> t, int e) {
    if (e < 0 || !isHeadAt(t, e)) {
      return null;
    }
    int s = e;
    while (s - 1 >= 0 && e - s < MAX_PHRASE) {
      if (isMaterial(t, s - 1)) {
        s--;
      } else if (s - 2 >= 0 && compoundModifier(t, s - 1) && isMaterial(t, s - 2)) {
        s -= 2; // "The Filipino inspection team"
      } else {
        break;
      }
    }
    return trimmed(t, s, e);
  }

  /** A lower-case word used as a noun modifier right before a role noun: "inspection team". */
  private static boolean compoundModifier(List<Token> t, int i) {
    Token x = t.get(i);
    return x.isWord() && !x.isCapitalized() && Character.isLetter(x.text().charAt(0))
        && !SpeechCues.isCueVerb(x) && !BETWEEN.contains(x)
        && !NOT_BEFORE_VERB.contains(x) && !x.lower().endsWith("ly")
        && i + 1 < t.size() && (PERSON_ROLES.contains(t.get(i + 1))
            || BODY_ROLES.contains(t.get(i + 1)));
  }

  /** The noun phrase starting at token {@code s}, or null. */
  static int[] forwardPhrase(List<Token> t, int s) {
    if (s >= t.size() || !t.get(s).isWord()) {
      return null;
    }
    if (PRONOUNS.contains(t.get(s))) {
      return new int[] {s, s};
    }
    int e = s - 1;
    while (e + 1 < t.size() && e + 1 - s < MAX_PHRASE && isMaterial(t, e + 1)) {
      e++;
    }
    while (e >= s && !isHeadAt(t, e)) {
      e--;
    }
    return e < s ? null : trimmed(t, s, e);
  }

  private static int[] trimmed(List<Token> t, int s, int e) {
    while (s <= e && JOINERS.contains(t.get(s))) {
      s++;
    }
    if (s > e || !isHeadAt(t, e)) {
      return null;
    }
    return new int[] {s, e};
  }

  /** Whether token {@code e} may end a speaker's noun phrase: a head, or "heads of state". */
  private static boolean isHeadAt(List<Token> t, int e) {
    if (isHead(t.get(e))) {
      return true;
    }
    String l = t.get(e).lower();
    return (l.equals("state") || l.equals("government")) && e >= 2 && t.get(e - 1).is("of")
        && (t.get(e - 2).is("heads") || t.get(e - 2).is("head"));
  }

  /** Whether a token may end a speaker's noun phrase. */
  private static boolean isHead(Token x) {
    if (!x.isWord()) {
      return false;
    }
    if (PERSON_ROLES.contains(x) || BODY_ROLES.contains(x)) {
      return true;
    }
    return x.isCapitalized() && !CAPITALISED_STOP.contains(x) && !DETERMINERS.contains(x)
        && !JOINERS.contains(x) && !x.isPossessive() && !FIRST_PERSON.contains(x);
  }

  /** Whether token {@code i} may stand inside a speaker's noun phrase. */
  private static boolean isMaterial(List<Token> t, int i) {
    Token x = t.get(i);
    if (!x.isWord()) {
      return x.is("&");
    }
    String l = x.lower();
    if (PRONOUNS.contains(x) || FIRST_PERSON.contains(x)) {
      return false;
    }
    if (l.equals("to") || l.equals("for") || l.equals("on") || l.equals("by")) {
      // "representative to the UN", "Minister for Foreign Affairs", "a statement by the ministry"
      return i > 0 && t.get(i - 1).isWord()
          && (PERSON_ROLES.contains(t.get(i - 1)) || BODY_ROLES.contains(t.get(i - 1))
              || t.get(i - 1).isCapitalized());
    }
    if (l.equals("in") || l.equals("at")) {
      // "The Houthi movement in Yemen", "the Ethiopian Embassy in Berlin", "officials in Kyiv"
      return i > 0 && i + 1 < t.size() && t.get(i - 1).isWord()
          && (PERSON_ROLES.contains(t.get(i - 1)) || BODY_ROLES.contains(t.get(i - 1)))
          && t.get(i + 1).isCapitalized() && !CAPITALISED_STOP.contains(t.get(i + 1));
    }
    if (NAME_PARTICLES.contains(x) && insideName(t, i)) {
      return true; // "Ammar bin Jame", "Ursula von der Leyen", "Luis Felipe de la Cruz"
    }
    if (DETERMINERS.contains(x) || PERSON_ROLES.contains(x) || BODY_ROLES.contains(x)
        || MODIFIERS.contains(x) || JOINERS.contains(x) || x.isPossessive()) {
      return true;
    }
    return x.isCapitalized() && !CAPITALISED_STOP.contains(x);
  }

  /**
   * Whether the particle at {@code i} stands inside a person's name: a capitalised word or another
   * particle on each side ("von der" in "Ursula von der Leyen").
   */
  private static boolean insideName(List<Token> t, int i) {
    int before = i - 1;
    while (before >= 0 && before > i - 3 && NAME_PARTICLES.contains(t.get(before))) {
      before--;
    }
    int after = i + 1;
    while (after < t.size() && after < i + 3 && NAME_PARTICLES.contains(t.get(after))) {
      after++;
    }
    return before >= 0 && t.get(before).isCapitalized() && !t.get(before).isPossessive()
        && after < t.size() && t.get(after).isCapitalized();
  }

  private static Found headline(String text, List<Token> t, Predicate<String> isActor) {
    int[] np = forwardPhrase(t, 0);
    if (np == null || np[1] + 2 >= t.size() || !t.get(np[1] + 1).is(":")) {
      return null;
    }
    Found f = found(text, t, np);
    return f.kind() == Kind.NAMED && isActor.test(f.text()) ? f : null;
  }

  static Found found(String text, List<Token> t, int[] np) {
    int start = t.get(np[0]).start();
    int end = t.get(np[1]).end();
    String surface = text.substring(start, end);
    return new Found(start, end, surface, kindOf(t, np));
  }

  private static Kind kindOf(List<Token> t, int[] np) {
    if (np[0] == np[1] && PRONOUNS.contains(t.get(np[0]))) {
      return Kind.PRONOUN;
    }
    boolean determiner = DETERMINERS.contains(t.get(np[0]));
    if (!determiner && (t.get(np[0]).isCapitalized() || np[0] != np[1])) {
      return Kind.NAMED;
    }
    for (int i = determiner ? np[0] + 1 : np[0]; i <= np[1]; i++) {
      Token w = t.get(i);
      if (!(PERSON_ROLES.contains(w) || BODY_ROLES.contains(w) || MODIFIERS.contains(w)
          || DETERMINERS.contains(w) || JOINERS.contains(w))) {
        return Kind.NAMED;
      }
    }
    return Kind.DESCRIPTION;
  }
}
