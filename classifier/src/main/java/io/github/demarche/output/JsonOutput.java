package io.github.demarche.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes JSON output lines so that every string survives UTF-8 output exactly: surrogate code
 * units are written as {@code \}{@code uXXXX} escapes. A lone surrogate (valid in a Java string and
 * in JSON, but not encodable in UTF-8) would otherwise become {@code ?}, and a statement's
 * {@code text} would no longer equal the input at its {@code [start, end)}. Pairs are escaped too,
 * which any JSON reader joins back. Stateless and thread-safe.
 */
public final class JsonOutput {
  private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return Character.isSurrogate((char) ch)
          ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
  };
  private static final ObjectWriter WRITER = new ObjectMapper().writer().with(ESCAPES);

  private JsonOutput() {}

  /**
   * The escapes themselves, for a generator or writer of another mapper (classify's record
   * pipeline streams with its own): standard JSON escapes plus every surrogate as a {@code \}{@code
   * uXXXX} escape. Immutable and thread-safe.
   */
  public static CharacterEscapes escapes() {
    return ESCAPES;
  }

  /** The writer itself, for callers that write other values or to a stream. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /** The value as one line of JSON (no line break inside, none at the end). */
  public static String line(JsonNode value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a tree as JSON", e);
    }
  }
}
