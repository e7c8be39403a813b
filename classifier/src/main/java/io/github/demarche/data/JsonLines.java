package io.github.demarche.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads JSON Lines: one JSON object a line, UTF-8. A byte-order mark on the first line and CRLF
 * line ends are accepted; blank lines are not records and are passed over. Every other line must
 * be one JSON object, or it is reported as a {@link DataException} naming the file and line:
 * invalid UTF-8 (with the byte offset), a line longer than the limit, text that is not JSON, JSON
 * that is not an object, an object that repeats a field, or more than one value. Nothing is skipped silently.
 * Stateless and thread-safe.
 */
public final class JsonLines {
  static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder()
          // the line limit bounds strings already; Jackson's own cap (20 M chars) would only
          // refuse lines the user raised the limit for
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      // "{...} {...}" on one line must not read as the first object alone
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(
      () -> StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  private JsonLines() {}

  /** One line of a JSON Lines file, parsed into an object. */
  public record Line(long number, ObjectNode object) {}

  /** The shared, thread-safe Jackson mapper configured for Demarche's JSON. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Opens a text file for reading as strict UTF-8 (a malformed byte throws {@link
   * java.nio.charset.CharacterCodingException} from the reader), turning the usual failures into a
   * {@link DataException}.
   *
   * @param path the file, or "-" for standard input
   */
  public static BufferedReader open(String path) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(openStream(path), decoder), 1 << 16);
  }

  /**
   * Opens a file's bytes, turning the usual failures into a {@link DataException}.
   *
   * @param path the file, or "-" for standard input
   */
  public static InputStream openStream(String path) {
    if (path.equals("-")) {
      return System.in;
    }
    Path p = Path.of(path);
    if (Files.isDirectory(p)) {
      throw new DataException(path, 0, null, "is a directory, not a file");
    }
    try {
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new DataException(path, 0, null, "no such file");
    } catch (AccessDeniedException e) {
      throw new DataException(path, 0, null, "cannot be read (permission denied)");
    } catch (IOException e) {
      throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Calls {@code sink} with every non-blank line of the file, parsed, in order.
   *
   * @param path the file, or "-" for standard input
   * @throws DataException on the first line that is not a JSON object, or when the file cannot be
   *     read
   */
  public static void forEach(String path, Consumer<Line> sink) {
    try (InputStream in = openStream(path)) {
      forEach(path, in, LineSplitter.DEFAULT_MAX_LINE_BYTES, sink);
    } catch (IOException e) {
      throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * As {@link #forEach(String, Consumer)}, reading an open stream named {@code name} (which it
   * does not close) with a line limit in bytes.
   */
  public static void forEach(String name, InputStream in, int maxLineBytes, Consumer<Line> sink) {
    LineSplitter lines = new LineSplitter(in, maxLineBytes);
    while (true) {
      RawLine raw;
      try {
        raw = lines.next();
      } catch (IOException e) {
        throw new DataException(name, 0, null, "cannot be read: " + e.getMessage());
      }
      if (raw == null) {
        return;
      }
      if (!raw.blank()) {
        sink.accept(new Line(raw.number(), decode(name, raw)));
      }
    }
  }

  /**
   * Decodes and parses one non-blank line.
   *
   * @throws DataException naming the file and line when the line is too long, not UTF-8, not JSON
   *     or not a JSON object
   */
  public static ObjectNode decode(String name, RawLine raw) {
    if (raw.tooLong()) {
      throw new DataException(name, raw.number(), null, "is too long (" + raw.length()
          + " bytes, more than the line limit)");
    }
    byte[] b = raw.bytes();
    int from = raw.number() == 1 && hasBom(b) ? 3 : 0;
    return parseObject(name, raw.number(), utf8(name, raw.number(), b, from));
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static String utf8(String name, long number, byte[] b, int from) {
    boolean ascii = true;
    for (int i = from; i < b.length; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, from, b.length - from, StandardCharsets.US_ASCII);
    }
    CharsetDecoder d = UTF8.get().reset();
    ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
    CharBuffer out = CharBuffer.allocate(b.length - from);
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      throw new DataException(name, number, null, "is not valid UTF-8 (bad byte at column "
          + (in.position() + 1) + " of the line)");
    }
    return out.flip().toString();
  }

  /** Parses one line as a JSON object, or throws a {@link DataException} that says why not. */
  public static ObjectNode parseObject(String name, long number, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String detail = String.valueOf(e.getOriginalMessage());
      int cut = detail.indexOf('\n');
      throw new DataException(
          name, number, null, "is not valid JSON (" + (cut < 0 ? detail : detail.substring(0, cut)) + ")");
    }
    if (node == null || !node.isObject()) {
      throw new DataException(
          name, number, null, "is not a JSON object (found " + describe(node) + ")");
    }
    return (ObjectNode) node;
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case OBJECT -> "an object";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
