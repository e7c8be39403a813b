package io.github.demarche.data;

/**
 * Makes text from untrusted input safe to put in a one-line message: control characters
 * (line breaks, escape sequences that could drive a terminal, NUL), line and paragraph separators
 * and bidirectional overrides become {@code \\uXXXX}, and long text is cut. Stateless and
 * thread-safe.
 */
public final class Printable {
  /** The longest text kept in a message, in characters. */
  public static final int MAX_CHARS = 300;

  private Printable() {}

  /** The text as one printable line of at most {@link #MAX_CHARS} characters (plus a marker). */
  public static String oneLine(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
    for (int i = 0; i < text.length(); i++) {
      if (sb.length() >= MAX_CHARS) {
        return sb.append("...(").append(text.length()).append(" chars)").toString();
      }
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
          || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
