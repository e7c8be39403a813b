package io.github.demarche.extract;

import java.util.List;
import java.util.Set;

/**
 * The lines that name the speaker of a whole speech, statement or transcript turn, once at its
 * top: a header ("Statement by Ambassador X, UK Deputy Permanent Representative to the UN, at the
 * Security Council"), a transcript label ("President X (retranslated): Thank you ..."), and the
 * first-person opening of a joint declaration ("We, the undersigned, representing A and B,
 * ..."). What follows speaks for that speaker until another takes over (see
 * {@link NewsStatementExtractor}). Reads tokens only; stateless and thread-safe.
 */
final class Speeches {
  private Speeches() {}

  /** Nouns of a header: "Statement by", "Remarks by", "Speech by". */
  private static final WordClass HEADER_NOUNS = WordClass.of(
      "statement", "remarks", "speech", "address", "declaration", "message", "briefing",
      "intervention", "letter", "op-ed", "readout");
  /** Words that may stand before a header noun: "Joint statement by", "Opening remarks by". */
  private static final WordClass HEADER_MODIFIERS = WordClass.of(
      "joint", "opening", "closing", "press", "video", "written", "keynote", "national",
      "introductory", "concluding", "explanation", "of", "vote");
  /** How many tokens a transcript label and its parenthesis may take before the colon. */
  private static final int MAX_LABEL = 30;
  /** Words that say for whom a first-person subject speaks: "We, representing X". */
  private static final WordClass ON_BEHALF = WordClass.of("representing", "behalf");

  /**
   * The speaker a header names: "Statement by NP[, apposition]" (or "Statement of the NP") at the
   * start of the unit, the apposition kept when it is itself a noun phrase ("UK Deputy Permanent
   * Representative to the UN"); null when the unit is not a header.
   */
  static Attributor.Found header(String text, List<Token> t) {
    int i = 0;
    while (i < t.size() && i < 4 && t.get(i).isWord()
        && HEADER_MODIFIERS.contains(t.get(i))) {
      i++;
    }
    if (i + 2 >= t.size() || !HEADER_NOUNS.contains(t.get(i))
        || !(t.get(i + 1).is("by") || issuedOf(t, i + 1))) {
      return null;
    }
    int[] np = Attributor.forwardPhrase(t, i + 2);
    if (np == null || np[0] != i + 2) {
      return null;
    }
    int end = np[1];
    for (int i2 = np[0] + 1; i2 < end; i2++) {
      if (t.get(i2).is("on") || t.get(i2).is("at")) {
        end = i2 - 1; // "Statement by the Foreign Secretary on Gaza": the topic is no part of him
        break;
      }
    }
    return Attributor.found(text, t, withApposition(t, np[0], end));
  }

  /**
   * "Statement of the Ministry of Foreign Affairs of ...", "Address of the President of ...": a
   * header naming its issuer with "of", the form of many foreign ministries. Only "of the" before
   * a capital, so that "Declaration of Independence" or "Statement of principles" is no header.
   */
  private static boolean issuedOf(List<Token> t, int i) {
    return i + 2 < t.size() && t.get(i).is("of") && t.get(i + 1).is("the")
        && t.get(i + 2).isCapitalized();
  }

  /** The phrase [start, end] with an apposition after a comma that is itself a noun phrase. */
  private static int[] withApposition(List<Token> t, int start, int end) {
    if (end + 2 < t.size() && t.get(end + 1).is(",")) {
      int[] apposition = Attributor.forwardPhrase(t, end + 2);
      if (apposition != null && apposition[0] == end + 2
          && (apposition[1] + 1 == t.size() || !t.get(apposition[1] + 1).isWord())) {
        return new int[] {start, apposition[1]};
      }
    }
    return new int[] {start, end};
  }

  /**
   * The speaker of "The following [statement] is attributable to X[, apposition]:", a
   * spokesperson's opening line; null when the unit does not open so. Unlike a header it names the
   * speaker of this line only: what follows has its own attributions, calls reported included.
   */
  static Attributor.Found attributable(String text, List<Token> t) {
    int at = attributableTo(t);
    int[] np = at < 0 ? null : Attributor.forwardPhrase(t, at);
    return np == null || np[0] != at ? null : Attributor.found(text, t, withApposition(t, at, np[1]));
  }

  private static int attributableTo(List<Token> t) {
    if (t.size() < 6 || !t.get(0).is("the") || !t.get(1).is("following")) {
      return -1;
    }
    int i = 2;
    if (t.get(i).isWord() && HEADER_NOUNS.contains(t.get(i))) {
      i++;
    }
    return i + 2 < t.size() && t.get(i).is("is") && t.get(i + 1).is("attributable")
        && t.get(i + 2).is("to") ? i + 3 : -1;
  }

  /**
   * The speaker a transcript label names: a noun phrase at the start of the unit, an optional
   * parenthesis ("(retranslated)"), then a colon, with more text after it. The phrase must name a
   * person by role or by a name of two capitalised words ("Chairperson of the African Union and
   * President of Senegal Macky Sall", "Sergey Lavrov"); null otherwise. The turns of a transcript
   * (two labelled paragraphs or more) are read before, by {@link Turns}, which takes their labels
   * out of the statements; this reads a label {@link Turns} leaves (one alone, or a longer one).
   */
  static Attributor.Found label(String text, List<Token> t) {
    boolean colon = false;
    for (int i = 0; i < t.size() && i < MAX_LABEL && !colon; i++) {
      colon = t.get(i).is(":");
    }
    if (!colon) {
      return null; // most units: no colon near the start, no label
    }
    int[] np = Attributor.forwardPhrase(t, 0);
    if (np == null || np[0] != 0) {
      return null;
    }
    int k = np[1] + 1;
    if (k < t.size() && t.get(k).is("(")) {
      int close = k + 1;
      while (close < t.size() && close - k < 6 && !t.get(close).is(")")) {
        close++;
      }
      k = close + 1;
    }
    if (k + 1 >= t.size() || !t.get(k).is(":")) {
      return null;
    }
    Attributor.Found f = Attributor.found(text, t, np);
    if (f.kind() != Attributor.Kind.NAMED || !namesAPerson(t, np)) {
      return null;
    }
    return f;
  }

  private static boolean namesAPerson(List<Token> t, int[] np) {
    int capitalised = 0;
    for (int i = np[0]; i <= np[1]; i++) {
      if (SpeechCues.PERSON_ROLES.contains(t.get(i))) {
        return true;
      }
      capitalised = t.get(i).isCapitalized() ? capitalised + 1 : 0;
      if (capitalised >= 2) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parties a first-person subject speaks for: "We, the undersigned, representing A and B,
   * reaffirm ..." or "We, on behalf of A, ..." at the start of the unit; null otherwise.
   */
  static Attributor.Found firstPersonFor(String text, List<Token> t) {
    if (t.size() < 4 || !(t.get(0).is("we") || t.get(0).is("i")) || !t.get(1).is(",")) {
      return null;
    }
    for (int i = 2; i < t.size() && i < 12; i++) {
      if (t.get(i).isWord() && ON_BEHALF.contains(t.get(i))) {
        int from = t.get(i).is("behalf") && i + 1 < t.size() && t.get(i + 1).is("of") ? i + 2
            : i + 1;
        int[] np = Attributor.forwardPhrase(t, from);
        if (np == null || np[0] != from) {
          return null;
        }
        int end = np[1];
        // "the Sudanese Armed Forces (SAF) and the Rapid Support Forces (RSF)"
        while (end + 3 < t.size() && t.get(end + 1).is("(") && t.get(end + 3).is(")")) {
          end += 3;
          if (end + 1 < t.size() && t.get(end + 1).is("and")) {
            int[] next = Attributor.forwardPhrase(t, end + 2);
            if (next == null || next[0] != end + 2) {
              break;
            }
            end = next[1];
          }
        }
        return Attributor.found(text, t, new int[] {np[0], end});
      }
      if (t.get(i).type() == Token.Type.QUOTE) {
        return null;
      }
    }
    return null;
  }

  /** First-person words outside quotations: the text speaks in its own voice. */
  private static final WordClass FIRST_PERSON = WordClass.of(
      "i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves");

  /** Whether the unit's words outside quotations speak in the first person. */
  static boolean firstPerson(List<Token> t) {
    for (Token x : t) {
      if (x.isWord() && FIRST_PERSON.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
