package io.github.demarche.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A word, punctuation mark or whole quotation of a statement unit, with its offsets in the
 * document. Immutable and thread-safe.
 *
 * @param start first character, inclusive
 * @param end last character, exclusive
 * @param text the token as written
 * @param lower the token in lower case (empty for a quotation)
 * @param type what sort of token it is
 * @param classes the {@link WordClass word classes} of {@code lower}, one bit each
 */
record Token(int start, int end, String text, String lower, Type type, long classes) {

  /** What sort of token. */
  enum Type { WORD, PUNCT, QUOTE }

  boolean isWord() {
    return type == Type.WORD;
  }

  boolean is(String lowerText) {
    return lower.equals(lowerText);
  }

  boolean isCapitalized() {
    if (type != Type.WORD) {
      return false;
    }
    if (Character.isUpperCase(text.charAt(0))) {
      return true;
    }
    if (Character.isDigit(text.charAt(0))) {
      return text.chars().anyMatch(Character::isUpperCase); // "G7", "E3"
    }
    int hyphen = text.indexOf('-');
    // "al-Sharaa", "bin-Salman": a lower-case particle joined to a name
    return hyphen > 0 && hyphen <= 3 && hyphen + 1 < text.length()
        && Character.isUpperCase(text.charAt(hyphen + 1));
  }

  /** "Iran's", "Moscow’s", "allies'". */
  boolean isPossessive() {
    return type == Type.WORD && (lower.endsWith("'s") || lower.endsWith("\u2019s")
        || (lower.length() > 2 && lower.endsWith("s'")));
  }

  /** One string for each ASCII character, shared by every punctuation token of it. */
  private static final String[] PUNCT = new String[128];

  static {
    for (char c = 0; c < PUNCT.length; c++) {
      PUNCT[c] = String.valueOf(c);
    }
  }

  /**
   * The tokens of {@code text[from, to)}: quotations become one {@link Type#QUOTE} token each, so
   * that nothing inside a quotation is read as attribution. A single linear pass.
   */
  static List<Token> tokenize(String text, int from, int to, List<Segmenter.Quote> quotes) {
    List<Token> out = new ArrayList<>();
    int qi = 0;
    int i = from;
    while (i < to) {
      while (qi < quotes.size() && quotes.get(qi).end() <= i) {
        qi++;
      }
      if (qi < quotes.size() && quotes.get(qi).start() <= i) {
        Segmenter.Quote q = quotes.get(qi);
        int end = Math.min(q.end(), to);
        out.add(new Token(i, end, text.substring(i, end), "", Type.QUOTE, 0L));
        i = end;
        continue;
      }
      int limit = qi < quotes.size() ? Math.min(to, quotes.get(qi).start()) : to;
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        boolean dotted = false;
        while (j < limit) {
          char d = text.charAt(j);
          if (Character.isLetterOrDigit(d)) {
            j++;
          } else if ((d == '-' || d == '\'' || d == '\u2019' || d == '.' || d == '\u2010')
              && j + 1 < limit && Character.isLetterOrDigit(text.charAt(j + 1))) {
            dotted |= d == '.';
            j++;
          } else {
            break;
          }
        }
        // "U.S.", "J." and "Gen." keep their final full stop; "allies'" keeps its apostrophe
        if (j < limit && text.charAt(j) == '.' && (dotted || (j - i == 1 && Character.isUpperCase(c))
            || (Character.isUpperCase(c) && Abbreviations.isTitle(text.substring(i, j))))) {
          j++;
        } else if (j < limit && (text.charAt(j) == '\'' || text.charAt(j) == '\u2019')
            && text.charAt(j - 1) == 's' && (j + 1 == limit || !Character.isLetter(text.charAt(j + 1)))) {
          j++;
        }
        String word = text.substring(i, j);
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        out.add(new Token(i, j, word, lower, Type.WORD, WordClass.classesOf(lower)));
        i = j;
      } else {
        String p = c < PUNCT.length ? PUNCT[c] : String.valueOf(c);
        out.add(new Token(i, i + 1, p, p, Type.PUNCT, WordClass.classesOf(p)));
        i++;
      }
    }
    return out;
  }
}
