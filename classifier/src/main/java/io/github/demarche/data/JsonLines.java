package io.github.demarche.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads JSON Lines: one JSON object a line, UTF-8 (a byte-order mark and CRLF line ends are
 * accepted). Every bad line is reported as a {@link DataException} naming the file and line;
 * nothing is skipped silently. Blank lines are not records and are passed over. Stateless and
 * thread-safe.
 */
public final class JsonLines {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  /** One line of a JSON Lines file, parsed into an object. */
  public record Line(long number, ObjectNode object) {}

  /** The shared, thread-safe Jackson mapper configured for Demarche's JSON. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Opens a file for reading, turning the usual failures into a {@link DataException}.
   *
   * @param path the file, or "-" for standard input
   */
  public static BufferedReader open(String path) {
    InputStream in;
    if (path.equals("-")) {
      in = System.in;
    } else {
      Path p = Path.of(path);
      if (Files.isDirectory(p)) {
        throw new DataException(path, 0, null, "is a directory, not a file");
      }
      try {
        in = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new DataException(path, 0, null, "no such file");
      } catch (AccessDeniedException e) {
        throw new DataException(path, 0, null, "cannot be read (permission denied)");
      } catch (IOException e) {
        throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
      }
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  /**
   * Calls {@code sink} with every non-blank line of the file, parsed, in order.
   *
   * @throws DataException on the first line that is not a JSON object, or when the file cannot be
   *     read or is not UTF-8
   */
  public static void forEach(String path, Consumer<Line> sink) {
    try (BufferedReader reader = open(path)) {
      forEach(path, reader, sink);
    } catch (IOException e) {
      throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  /** As {@link #forEach(String, Consumer)}, reading from an open reader named {@code name}. */
  public static void forEach(String name, BufferedReader reader, Consumer<Line> sink) {
    long number = 0;
    while (true) {
      String text;
      try {
        text = reader.readLine();
      } catch (CharacterCodingException e) {
        throw new DataException(name, number + 1, null, "is not valid UTF-8");
      } catch (IOException e) {
        throw new UncheckedIOException(name + ":" + (number + 1) + ": cannot be read", e);
      }
      if (text == null) {
        return;
      }
      number++;
      if (number == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      sink.accept(new Line(number, parseObject(name, number, text)));
    }
  }

  /** Parses one line as a JSON object, or throws a {@link DataException} that says why not. */
  public static ObjectNode parseObject(String name, long number, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String detail = e.getOriginalMessage();
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
