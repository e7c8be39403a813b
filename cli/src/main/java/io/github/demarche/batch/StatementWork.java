package io.github.demarche.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.demarche.api.Texts;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.data.RawLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lean record path: reads a line with Jackson's streaming parser, keeping only {@code text},
 * {@code target} and {@code id}, copies every other field token by token to the output (numbers
 * exactly as written), drops the input's own value of the added field, and appends the added
 * field as the {@link StatementFunction} writes it. No tree is built. A line that is not one valid
 * JSON object is handed to {@link JsonLines#decode}, so its error reads exactly as everywhere else.
 * Stateless and thread-safe.
 */
final class StatementWork implements RecordPipeline.Work {
  private static final JsonFactory FACTORY = JsonLines.mapper().getFactory();
  private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(
      () -> StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));
  private static final ThreadLocal<CharBuffer> DECODED = new ThreadLocal<>();

  private final String field;
  private final StatementFunction function;

  StatementWork(String field, StatementFunction function) {
    if (field == null || field.isEmpty() || function == null) {
      throw new IllegalArgumentException("a field name and a function are required");
    }
    this.field = field;
    this.function = function;
  }

  @Override
  public int process(String source, long number, byte[] b, int lineFrom, int to,
      RecordPipeline.BatchOutput out) {
    int from = RecordPipeline.afterByteOrderMark(b, lineFrom, to, number);
    if (!validUtf8(b, from, to)) {
      throw canonicalError(source, number, b, lineFrom, to, "is not valid UTF-8");
    }
    JsonGenerator g = out.generator();
    try (JsonParser p = FACTORY.createParser(b, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw canonicalError(source, number, b, lineFrom, to, "is not a JSON object");
      }
      g.writeStartObject();
      JsonToken textType = null;
      String text = null;
      JsonToken targetType = null;
      String target = null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals(field)) {
          p.skipChildren();
          out.replaced = true;
          continue;
        }
        switch (name) {
          case "text" -> {
            textType = v;
            text = v == JsonToken.VALUE_STRING ? p.getText() : null;
          }
          case "target" -> {
            targetType = v;
            target = v == JsonToken.VALUE_STRING ? p.getText() : null;
          }
          case "id" -> {
            if (v == JsonToken.VALUE_STRING) {
              out.id = TextNode.valueOf(p.getText());
            } else if (v.isNumeric()) {
              out.id = RecordPipeline.rawNumber(p.getText());
            }
          }
          default -> {
            // passed through below
          }
        }
        g.writeFieldName(name);
        copyValue(p, g, v);
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw canonicalError(source, number, b, lineFrom, to, "holds more than one JSON value");
      }
      if (textType == null || textType == JsonToken.VALUE_NULL) {
        throw new DataException(source, number, "text", "is missing");
      }
      if (textType != JsonToken.VALUE_STRING) {
        throw new DataException(source, number, "text", "must be a string, found " + describe(textType));
      }
      if (Texts.isBlank(text)) {
        throw new DataException(source, number, "text", "is empty");
      }
      if (targetType != null && targetType != JsonToken.VALUE_NULL && targetType != JsonToken.VALUE_STRING) {
        throw new DataException(source, number, "target", "must be a string, found " + describe(targetType));
      }
      g.writeFieldName(field);
      function.writeValue(new StatementRecord(source, number, text,
          target == null || Texts.isBlank(target) ? null : target), g);
      g.writeEndObject();
      g.writeRaw('\n');
      return 1;
    } catch (JsonProcessingException e) {
      throw canonicalError(source, number, b, lineFrom, to,
          "is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a result: " + e.getMessage(), e);
    }
  }

  /**
   * The error {@link JsonLines#decode} reports for a line this parser refused, so that messages
   * are the same on every path; {@code fallback} only if it, unexpectedly, accepts the line.
   */
  private static DataException canonicalError(String source, long number, byte[] b, int from, int to,
      String fallback) {
    JsonLines.decode(source, new RawLine(number, Arrays.copyOfRange(b, from, to), to - from));
    return new DataException(source, number, null, fallback);
  }

  private static String firstLine(String s) {
    String detail = String.valueOf(s);
    int cut = detail.indexOf('\n');
    return cut < 0 ? detail : detail.substring(0, cut);
  }

  private static void copyValue(JsonParser p, JsonGenerator g, JsonToken first) throws IOException {
    JsonToken t = first;
    int depth = 0;
    while (true) {
      switch (t) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        default -> {
          // a scalar or a field name
        }
      }
      if (t.isNumeric()) {
        g.writeNumber(p.getText()); // exactly as written: 1E2 stays 1E2, 1e999 stays 1e999
      } else {
        g.copyCurrentEvent(p);
      }
      if (depth == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  /** Whether the bytes from {@code from} to {@code to} are valid UTF-8; pure ASCII is checked cheaply. */
  private static boolean validUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] >= 0) {
      i++;
    }
    if (i == to) {
      return true;
    }
    CharBuffer chars = DECODED.get();
    if (chars == null || chars.capacity() < to - from) {
      chars = CharBuffer.allocate(Math.max(to - from, 1024));
      if (chars.capacity() <= 1 << 20) {
        DECODED.set(chars);
      }
    }
    chars.clear();
    CharsetDecoder d = UTF8.get().reset();
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    return !d.decode(in, chars, true).isError() && !d.flush(chars).isError();
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }
}
