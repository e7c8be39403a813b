package io.github.demarche.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The turns of a transcript (a press briefing, a press conference): paragraphs that open with a
 * short label and a colon, "MR. HALVORSEN: Good afternoon." or "QUESTION: Will you mediate?". A
 * document is a transcript when at least {@value #MIN_TURNS} of its paragraphs open so; one such
 * paragraph alone is a headline or an attribution line ("Algeria: ...") and is left to the other
 * rules. A label is 1 to {@value #MAX_WORDS} capitalised words (joining words such as "of" may
 * stand between them), perhaps with a parenthesis ("(retranslated)"), followed by a colon, white
 * space and the turn's text in the same paragraph. It either names who speaks (a role word or a
 * name of two capitalised words: "SECRETARY BLINKEN", "Spokesperson", "Maria Zakharova") or marks
 * a question from the floor ({@link Questioners}; such a label may end in lower case: "Reuters
 * correspondent"), or an interview's answer ("A:", "Answer:"), whose speaker is the person the
 * text named before it. What follows the label is the turn; the label
 * is no part of any statement. Immutable and thread-safe.
 */
final class Turns {
  /** How many labelled paragraphs make a document a transcript. */
  static final int MIN_TURNS = 2;
  /** How many words a label may have, a parenthesis after it not counted. */
  static final int MAX_WORDS = 6;
  /** How far into its paragraph's first line a label's colon may stand. */
  private static final int MAX_LABEL_CHARS = 90;
  /** Lower-case words that may join the capitalised words of a label. */
  private static final Set<String> JOINING = Set.of(
      "of", "the", "for", "from", "and", "on", "to", "de", "del", "al", "el", "von", "van", "der",
      "bin", "da", "du", "la", "le");

  /** No turns: a document that is not a transcript. */
  static final Turns NONE = new Turns(Map.of());

  /**
   * A turn: a paragraph's label and where its text starts.
   *
   * @param label the speaker's mention the label makes, for a speaker's turn; null for a question
   *     from the floor and for an interview's answer
   * @param body offset of the turn's first character after the label, its colon and white space
   * @param answers whether the label is an interview's answer ("A:"), whose speaker is the one
   *     interviewed, named by the text before it rather than by the label
   */
  record Turn(Attributor.Found label, int body, boolean answers) {
    Turn {
      if (body < 0 || (label != null && label.end() > body)) {
        throw new IllegalArgumentException("a turn's text starts at " + body
            + ", before the end of its label");
      }
      if (answers && label != null) {
        throw new IllegalArgumentException("an answer's label names no one");
      }
    }

    boolean asks() {
      return label == null && !answers;
    }
  }

  private final Map<Integer, Turn> byParagraph;

  private Turns(Map<Integer, Turn> byParagraph) {
    this.byParagraph = byParagraph;
  }

  /** The turn a paragraph (by index) opens, or null when it opens none. */
  Turn at(int paragraph) {
    return byParagraph.get(paragraph);
  }

  /** The turns of a text cut into {@code units}; {@link #NONE} when it is not a transcript. */
  static Turns of(String text, List<Segmenter.Unit> units) {
    Map<Integer, Turn> turns = null;
    for (int ui = 0; ui < units.size(); ui++) {
      Segmenter.Unit unit = units.get(ui);
      if (ui > 0 && units.get(ui - 1).paragraph() == unit.paragraph()) {
        continue; // only a paragraph's first unit may open with a label
      }
      int last = ui;
      while (last + 1 < units.size() && units.get(last + 1).paragraph() == unit.paragraph()) {
        last++;
      }
      Turn turn = turn(text, unit.start(), units.get(last).end());
      if (turn != null) {
        if (turns == null) {
          turns = new HashMap<>();
        }
        turns.put(unit.paragraph(), turn);
      }
    }
    return turns == null || turns.size() < MIN_TURNS ? NONE : new Turns(Map.copyOf(turns));
  }

  /** The turn the paragraph [start, end) opens, or null when it opens with no label. */
  static Turn turn(String text, int start, int end) {
    int colon = -1;
    for (int i = start; i < end && i - start < MAX_LABEL_CHARS; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        colon = i;
        break;
      }
      if (c == '\n' || c == ',' || c == ';' || c == '"' || c == '!' || c == '?') {
        return null;
      }
    }
    if (colon <= start || colon + 1 >= end || !Character.isWhitespace(text.charAt(colon + 1))) {
      return null; // no colon, or one inside a time or an address ("10:30", "https://")
    }
    int body = colon + 1;
    while (body < end && Character.isWhitespace(text.charAt(body))) {
      body++;
    }
    int labelEnd = withoutParenthesis(text, start, colon);
    if (body >= end || labelEnd <= start) {
      return null;
    }
    List<Token> t = Token.tokenize(text, start, labelEnd, List.of());
    if (Questioners.asks(text.substring(start, labelEnd))) {
      // "Reuters correspondent": a question's label may end in a word in lower case
      return labelShaped(t, true) ? new Turn(null, body, false) : null;
    }
    if (t.size() == 1 && ANSWERS.contains(t.get(0).lower())) {
      return new Turn(null, body, true); // "A:": the one interviewed answers
    }
    if (!labelShaped(t, false)) {
      return null;
    }
    if (!namesAPerson(t)) {
      return null; // "Update:", "Photo:", "Kenya:": no one speaking a turn
    }
    int[] np = Attributor.forwardPhrase(t, 0);
    Attributor.Found label = np != null && np[0] == 0 && np[1] == t.size() - 1
        ? Attributor.found(text, t, np)
        : new Attributor.Found(start, labelEnd, text.substring(start, labelEnd),
            Attributor.Kind.NAMED); // "MR. HALVORSEN": a title the phrase reader stops at
    return new Turn(label, body, false);
  }

  /** The labels of an interview's answers: "A:", "A.:", "Answer:". */
  private static final Set<String> ANSWERS = Set.of("a", "a.", "answer");

  /**
   * Words of the labels news pages print that are no one's: "Editor's Note:", "Read More:",
   * "Sources:", "Photo Credit:", "Key Points:", "Live Updates:".
   */
  private static final Set<String> NOBODYS = Set.of(
      "note", "notes", "editor's", "editor\u2019s", "update", "updates", "read", "more",
      "related", "photo", "photos", "image", "video", "watch", "see", "also", "source", "sources",
      "credit", "credits", "caption", "background", "context", "correction", "clarification",
      "disclaimer", "summary", "key", "points", "highlights", "coverage", "live", "breaking",
      "tags", "topics", "share", "advertisement");

  /**
   * Whether a label names a person: a role word ("Spokesperson", "SECRETARY BLINKEN") or a name
   * of two capitalised words, an abbreviation's full stop between them ("MR. HALVORSEN"), and no
   * word of a page's furniture ({@link #NOBODYS}).
   */
  private static boolean namesAPerson(List<Token> t) {
    for (Token x : t) {
      if (NOBODYS.contains(x.lower())) {
        return false;
      }
    }
    int capitalised = 0;
    for (Token x : t) {
      if (SpeechCues.PERSON_ROLES.contains(x)) {
        return true;
      }
      if (x.isWord()) {
        capitalised += x.isCapitalized() ? 1 : 0;
      }
    }
    return capitalised >= 2;
  }

  /** What an editor's note at the end of a transcript is about: "This interview". */
  private static final Set<String> RECORDS = Set.of(
      "interview", "transcript", "conversation", "exchange", "briefing");
  /** What an editor did to it: "has been edited for length and clarity". */
  private static final Set<String> EDITED = Set.of(
      "edited", "condensed", "abridged", "translated", "shortened", "lightly");

  /**
   * Whether a unit is an editor's note about the record itself, no one's turn: "This interview
   * has been edited for length and clarity.", "The transcript was condensed and translated from
   * Russian." It opens with "this" or "the" and a word for the record, and an editing verb follows
   * within a few words.
   */
  static boolean editorsNote(List<Token> t) {
    if (t.size() < 4 || !(t.get(0).is("this") || t.get(0).is("the"))
        || !RECORDS.contains(t.get(1).lower())) {
      return false;
    }
    for (int i = 2; i < t.size() && i <= 5; i++) {
      if (EDITED.contains(t.get(i).lower())) {
        return true;
      }
    }
    return false;
  }

  /** Words that open a question: an auxiliary before its subject, or a question word. */
  private static final Set<String> INTERROGATIVES = Set.of(
      "do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should",
      "shall", "has", "have", "had", "may", "might", "must", "don't", "doesn't", "didn't",
      "isn't", "aren't", "won't", "wouldn't", "can't", "what", "why", "how", "when", "where",
      "which", "who", "whom", "whose");
  /** Words that may come before a question's first word: "And why ...?", "So does ...?" */
  private static final Set<String> OPENING = Set.of("and", "but", "so", "then", "also", "or");

  /**
   * Whether a unit is a question put: it ends with a question mark and opens, perhaps after
   * "and" or "but", with an auxiliary before its subject or a question word ("Does China support
   * the proposal?", "Why did Russia reject it?"). Its subject says nothing, whatever its verb.
   */
  static boolean interrogative(List<Token> t) {
    if (t.isEmpty() || !t.get(t.size() - 1).is("?")) {
      return false;
    }
    int i = 0;
    while (i < t.size() - 1 && OPENING.contains(t.get(i).lower())) {
      i++;
    }
    return INTERROGATIVES.contains(t.get(i).lower());
  }

  /** The end of [start, colon) trimmed of white space and of a closing parenthesis. */
  private static int withoutParenthesis(String text, int start, int colon) {
    int end = colon;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start && text.charAt(end - 1) == ')') {
      int open = text.lastIndexOf('(', end - 1);
      if (open <= start) {
        return -1;
      }
      end = open;
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    return end;
  }

  /**
   * Whether tokens make a label: 1 to {@value #MAX_WORDS} words, the first and the last
   * capitalised and those between capitalised or joining words (any word after the first, for a
   * question's), with no punctuation but the full stop of an abbreviation ("MR.", "Q.").
   */
  private static boolean labelShaped(List<Token> t, boolean anyCaseAfterFirst) {
    int words = 0;
    Token lastWord = null;
    for (int i = 0; i < t.size(); i++) {
      Token x = t.get(i);
      if (!x.isWord()) {
        if (!x.is(".") || i == 0) {
          return false;
        }
        continue;
      }
      if (++words > MAX_WORDS) {
        return false;
      }
      boolean capital = x.isCapitalized();
      if (!capital && (words == 1 || !(anyCaseAfterFirst || JOINING.contains(x.lower())))) {
        return false;
      }
      lastWord = x;
    }
    return lastWord != null && (anyCaseAfterFirst || lastWord.isCapitalized());
  }
}
