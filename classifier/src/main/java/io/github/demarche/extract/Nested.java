package io.github.demarche.extract;

import java.util.List;

/**
 * Reported speech inside a report: "The statement added, 'Ebrahim Raisi noted that ...'", "the
 * ministry said the president had told his guest that ...", "Raisi noted that ..., the statement
 * said". Finds the speaker inside the reported words, whose position they are; the reporter is
 * kept by the caller as {@code reportedBy}. Stateless and thread-safe.
 */
final class Nested {
  private Nested() {}

  /** How far after the reporter's verb the reported words may start. */
  private static final int MAX_GAP = 3;
  /** How long a phrase of circumstance before "that" may be: "in a statement on Monday". */
  private static final int MAX_CIRCUMSTANCE = 6;

  /**
   * The speaker of the words that {@code outer} reports, when those words open with a subject and
   * a verb of saying of their own; null when they do not, or when that subject is a pronoun
   * (which may well be the reporter) or the first person.
   */
  static Attributor.Found inner(String text, List<Token> t, Attributor.Found outer) {
    int next = 0;
    while (next < t.size() && t.get(next).start() < outer.end()) {
      next++;
    }
    int before = -1;
    while (before + 1 < t.size() && t.get(before + 1).end() <= outer.start()) {
      before++;
    }
    if (before >= 1 && t.get(before).is("to") && t.get(before - 1).is("according")) {
      return accordingTo(text, t, before - 1, next);
    }
    int v = next;
    while (v < t.size() && t.get(v).isWord() && !t.get(v).isCapitalized()
        && SpeechCues.BETWEEN.contains(t.get(v))) {
      v++; // "the ministry also said"
    }
    boolean verbAfter = v < t.size() && t.get(v).isWord()
        && SpeechCues.INVERTIBLE.contains(t.get(v));
    if (verbAfter) {
      Attributor.Found words = after(text, t, v + 1);
      if (words != null || before < 0 || !t.get(before).is(",")) {
        return words;
      }
      return opening(text, t, 0); // "Raisi noted that ..., the statement said."
    }
    if (before >= 1 && t.get(before).isWord()
        && SpeechCues.INVERTIBLE.contains(t.get(before)) && t.get(before - 1).is(",")) {
      return opening(text, t, 0); // "Raisi noted that ..., said the statement."
    }
    return null;
  }

  /**
   * The speaker of the clause that "according to" a source reports, when that clause opens with a
   * subject and a verb of saying: "Putin told Erdogan that ..., according to the Kremlin" and
   * "According to a readout from the Kremlin, Putin told Erdogan that ..." are Putin's, reported
   * by the Kremlin. The source is then the reporter, not the speaker, as with "the Kremlin said
   * Putin had told ...". {@code according} is the index of "according", {@code next} that of the
   * first token after the source's phrase.
   */
  private static Attributor.Found accordingTo(
      String text, List<Token> t, int according, int next) {
    if (according == 0) {
      for (int k = next; k < t.size() && k - next <= MAX_CIRCUMSTANCE; k++) {
        if (t.get(k).is(",")) {
          return opening(text, t, k + 1); // the source's phrase may go on: "from the Kremlin"
        }
      }
      return null;
    }
    return t.get(according - 1).is(",") ? opening(text, t, 0) : null;
  }

  /** The reported words after the reporter's verb: a quotation, or a clause ("that ..."). */
  private static Attributor.Found after(String text, List<Token> t, int from) {
    int i = from;
    for (int k = from; k < t.size() && k - from <= MAX_CIRCUMSTANCE; k++) {
      Token x = t.get(k);
      if (x.is("that")) {
        i = k + 1; // "said in a statement on Monday that ..."
        break;
      }
      if (!x.isWord() || SpeechCues.isCueVerb(x)) {
        break;
      }
    }
    while (i < t.size() && i - from < MAX_GAP && (t.get(i).is(",") || t.get(i).is(":")
        || t.get(i).is("that"))) {
      i++;
    }
    if (i >= t.size()) {
      return null;
    }
    Token x = t.get(i);
    if (x.type() == Token.Type.QUOTE) {
      int s = x.start() + 1;
      int e = x.end() - 1;
      if (e <= s) {
        return null;
      }
      List<Token> inside = Token.tokenize(text, s, e, List.of());
      return opening(text, inside, 0);
    }
    return opening(text, t, i);
  }

  /** A subject at {@code i} followed by a verb of saying ("Raisi noted"), or null. */
  private static Attributor.Found opening(String text, List<Token> t, int i) {
    int[] np = Attributor.forwardPhrase(t, i);
    if (np == null || np[0] != i || SpeechCues.PRONOUNS.contains(t.get(i))
        || SpeechCues.FIRST_PERSON.contains(t.get(i))) {
      return null;
    }
    int v = np[1] + 1;
    while (v < t.size() && t.get(v).isWord() && !t.get(v).isCapitalized()
        && SpeechCues.BETWEEN.contains(t.get(v))) {
      v++; // "the president had told", "Raisi also noted"
    }
    if (v >= t.size() || !t.get(v).isWord() || t.get(v).isCapitalized()) {
      return null;
    }
    if (!SpeechCues.INVERTIBLE.contains(t.get(v))) {
      return null; // only verbs of saying: "the US said Iran supports X" is the US's claim
    }
    Attributor.Found f = Attributor.found(text, t, np);
    return f.kind() == Attributor.Kind.PRONOUN ? null : f;
  }
}
