package io.github.demarche.api;

/**
 * What counts as empty text. {@link String#isBlank()} knows only ASCII-style white space, so a
 * text of no-break spaces, NEL, zero-width spaces or bidi marks would pass as a statement; here
 * every Unicode space, line or paragraph separator, NEL and format character counts as
 * nothing (other control characters are not white space and count as text). Stateless and
 * thread-safe.
 */
public final class Texts {
  private Texts() {}

  /** Whether {@code text} holds nothing but white space and format characters. */
  public static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      if (!isInvisible(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** White space of any kind (Unicode's White_Space, NEL included) or a format character. */
  public static boolean isInvisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
        || codePoint == 0x85 || Character.getType(codePoint) == Character.FORMAT;
  }
}
