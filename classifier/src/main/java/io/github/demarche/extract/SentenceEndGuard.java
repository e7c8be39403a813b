package io.github.demarche.extract;

import opennlp.tools.util.StringUtil;

/**
 * Keeps OpenNLP's sentence detector linear in the length of its input. {@code
 * SentenceDetectorME} looks, from every sentence-ending character, ahead to the next white space
 * ({@code getFirstWS}), so a stretch without white space holding k of them costs k times its
 * length: 200,000 dots took 18 s, 400 KB of mixed {@code .!?} a minute. Only the last ending
 * character of such a stretch is ever a candidate break (the detector skips every earlier one,
 * whose token ends at the same white space), so in a stretch longer than {@link #LONG_TOKEN}
 * characters every ending character but the last is replaced by a neutral one. The copy has the
 * same length, so every offset the detector returns is an offset into the original text.
 * Shorter stretches, all of ordinary prose, are left alone: their cost is bounded by the square
 * of {@link #LONG_TOKEN}. Stateless and thread-safe.
 */
final class SentenceEndGuard {
  /** Stretches without white space up to this long are passed through unchanged. */
  static final int LONG_TOKEN = 64;
  /** What a masked ending character becomes: neither white space nor a sentence end. */
  static final char NEUTRAL = '_';
  /** OpenNLP's English sentence ends, for a model that does not name its own. */
  private static final char[] DEFAULT_ENDERS = {'.', '!', '?'};

  private SentenceEndGuard() {}

  /**
   * The text as the detector should see it: {@code text} itself when no stretch needs masking,
   * else a copy of the same length.
   *
   * @param enders the detector's sentence-ending characters
   */
  static String guard(String text, char[] enders) {
    enders = enders(enders);
    if (!hasLongStretch(text)) {
      return text; // prose: white space at least every LONG_TOKEN + 1 characters
    }
    char[] copy = null;
    int n = text.length();
    int start = 0;
    while (start < n) {
      while (start < n && isWhitespace(text.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < n && !isWhitespace(text.charAt(end))) {
        end++;
      }
      if (end - start > LONG_TOKEN) {
        int last = end - 1;
        while (last >= start && !isEnder(text.charAt(last), enders)) {
          last--;
        }
        for (int i = start; i < last; i++) {
          if (isEnder(text.charAt(i), enders)) {
            if (copy == null) {
              copy = text.toCharArray();
            }
            copy[i] = NEUTRAL;
          }
        }
      }
      start = end;
    }
    return copy == null ? text : new String(copy);
  }

  /**
   * Whether some stretch without white space is longer than {@link #LONG_TOKEN}. Reads a few
   * characters per stretch of that length: from the far end of each window back to its last white
   * space, from which the next window starts.
   */
  private static boolean hasLongStretch(String text) {
    int n = text.length();
    int i = 0;
    while (i + LONG_TOKEN < n) {
      int k = i + LONG_TOKEN;
      while (k >= i && !isWhitespace(text.charAt(k))) {
        k--;
      }
      if (k < i) {
        return true; // LONG_TOKEN + 1 characters from i without white space
      }
      i = k + 1;
    }
    return false;
  }

  /** A model's sentence-ending characters, or OpenNLP's English ones when it names none. */
  static char[] enders(char[] modelEnders) {
    return modelEnders == null ? DEFAULT_ENDERS : modelEnders;
  }

  /** The detector's white space ({@link StringUtil#isWhitespace}), ASCII read from a table. */
  static boolean isWhitespace(char c) {
    return c < ASCII_WHITESPACE.length ? ASCII_WHITESPACE[c] : StringUtil.isWhitespace(c);
  }

  private static final boolean[] ASCII_WHITESPACE = asciiWhitespace();

  private static boolean[] asciiWhitespace() {
    boolean[] table = new boolean[128];
    for (char c = 0; c < table.length; c++) {
      table[c] = StringUtil.isWhitespace(c);
    }
    return table;
  }

  private static boolean isEnder(char c, char[] enders) {
    for (char e : enders) {
      if (c == e) {
        return true;
      }
    }
    return false;
  }
}
