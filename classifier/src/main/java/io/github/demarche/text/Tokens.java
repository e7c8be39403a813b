package io.github.demarche.text;

import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.Span;

/**
 * Word tokens of a statement, as OpenNLP's {@link SimpleTokenizer} finds them (character classes:
 * runs of letters, of digits, and of one repeated punctuation mark; whitespace separates). Chosen
 * over the statistical tokenizer for the classifier because it is deterministic, needs no model
 * and is an order of magnitude faster; stance features do not need clitic splitting. {@link
 * #next} finds the same tokens without allocating, for the inference path. Stateless and
 * thread-safe.
 */
public final class Tokens {
  /** Returned by {@link #next} when no token is left. */
  public static final long NONE = -1L;

  /** The character class of whitespace, which separates tokens ({@link #charClass}). */
  public static final byte WHITESPACE = 0;
  /** The class of letters: a token is a run of them. */
  public static final byte ALPHABETIC = 1;
  /** The class of digits: a token is a run of them. */
  public static final byte NUMERIC = 2;
  /** The class of every other character: a token is a run of one repeated character. */
  public static final byte OTHER = 3;
  /** The class of every Latin-1 character, computed with SimpleTokenizer's own tests. */
  private static final byte[] LATIN1 = new byte[256];

  static {
    for (char c = 0; c < LATIN1.length; c++) {
      LATIN1[c] = classify(c);
    }
  }

  private Tokens() {}

  /** The token spans of {@code text}, in order (OpenNLP's {@link SimpleTokenizer}). */
  public static Span[] spans(String text) {
    return SimpleTokenizer.INSTANCE.tokenizePos(text);
  }

  /**
   * The first token that starts at or after {@code from}, where {@code from} is 0 or the end of
   * the previous token: its start in the high 32 bits and its end (exclusive) in the low 32 bits,
   * or {@link #NONE}. Walking {@code from = end} yields exactly the spans of {@link #spans}.
   */
  public static long next(String text, int from) {
    int length = text.length();
    int start = from;
    byte kind = WHITESPACE;
    while (start < length && (kind = kind(text.charAt(start))) == WHITESPACE) {
      start++;
    }
    if (start >= length) {
      return NONE;
    }
    char first = text.charAt(start);
    int end = start + 1;
    if (kind == OTHER) {
      // a run of one repeated punctuation mark ("...", "!!") is one token; "?!" is two
      while (end < length && text.charAt(end) == first) {
        end++;
      }
    } else {
      while (end < length && kind(text.charAt(end)) == kind) {
        end++;
      }
    }
    return ((long) start << 32) | end;
  }

  /** The start of a token returned by {@link #next}. */
  public static int start(long token) {
    return (int) (token >>> 32);
  }

  /** The end (exclusive) of a token returned by {@link #next}. */
  public static int end(long token) {
    return (int) token;
  }

  /**
   * The class of a character as {@link SimpleTokenizer} sees it: {@link #WHITESPACE}, {@link
   * #ALPHABETIC}, {@link #NUMERIC} or {@link #OTHER}. For code that walks tokens itself (the
   * featurizer hashes while it walks); it must split as {@link #next} does.
   */
  public static byte charClass(char c) {
    return kind(c);
  }

  private static byte kind(char c) {
    return c < LATIN1.length ? LATIN1[c] : classify(c);
  }

  /** SimpleTokenizer's character classes, tested in its order. */
  private static byte classify(char c) {
    if (StringUtil.isWhitespace(c)) {
      return WHITESPACE;
    }
    if (Character.isAlphabetic(c)) {
      return ALPHABETIC;
    }
    if (Character.isDigit(c)) {
      return NUMERIC;
    }
    return OTHER;
  }
}
