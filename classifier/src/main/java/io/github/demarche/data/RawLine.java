package io.github.demarche.data;

/**
 * One line of a text file as raw bytes, before decoding: its number from 1 and its content without
 * the line end ({@code \n} or {@code \r\n}). A line longer than the reader's limit keeps only its
 * length, so a hostile file cannot make the reader hold more than the limit. Immutable once made;
 * the reader hands each array to one consumer only.
 *
 * @param number the line number, from 1
 * @param bytes the content, or null when the line was longer than the limit
 * @param length the content's length in bytes (also when it was too long to keep)
 */
public record RawLine(long number, byte[] bytes, long length) {
  public RawLine {
    if (number < 1) {
      throw new IllegalArgumentException("line numbers start at 1, was " + number);
    }
    if (length < 0 || (bytes != null && bytes.length != length)) {
      throw new IllegalArgumentException("length " + length + " does not match the bytes held");
    }
  }

  /** Whether the line was longer than the reader's limit, and so was not kept. */
  public boolean tooLong() {
    return bytes == null;
  }

  /** Whether the line holds only spaces, tabs and carriage returns (or, on line 1, a byte-order mark). */
  public boolean blank() {
    if (bytes == null) {
      return false;
    }
    int from = number == 1 && JsonLines.hasBom(bytes) ? 3 : 0;
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
