package io.github.demarche.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a whole text file as strict UTF-8, and says where it is not: the line and the column
 * (in bytes, from 1) of the first bad byte, as the JSON Lines reader does for its lines.
 * Stateless and thread-safe.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * The bytes as text.
   *
   * @param name the file, for the message
   * @throws DataException {@code NAME:LINE: is not valid UTF-8 (bad byte at column C of the line)}
   */
  public static String decode(String name, byte[] bytes) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      int bad = in.position();
      long line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new DataException(name, line, null, "is not valid UTF-8 (bad byte at column "
          + (bad - lineStart + 1) + " of the line)");
    }
    return out.flip().toString();
  }
}
