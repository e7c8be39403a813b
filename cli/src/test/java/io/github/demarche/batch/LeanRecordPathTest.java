package io.github.demarche.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.output.JsonOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The lean record path of {@link RecordPipeline#ofStatements}: what it keeps, adds and refuses. */
class LeanRecordPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Adds the text's length, and fails on a text that says so. */
  private static final StatementFunction LENGTH = (r, g) -> {
    if (r.text().equals("bad")) {
      throw new DataException(r.source(), r.line(), "text", "says bad");
    }
    g.writeStartObject();
    g.writeNumberField("length", r.text().length());
    g.writeStringField("target", r.target());
    g.writeEndObject();
  };

  private record Result(BatchSummary summary, String out) {}

  private static Result lean(int threads, ErrorPolicy policy, String in) {
    StringWriter out = new StringWriter();
    BatchSummary s = RecordPipeline.ofStatements(BatchOptions.of(threads, policy), "added", LENGTH)
        .run("in.jsonl", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, null);
    return new Result(s, out.toString());
  }

  /** What the tree pipeline writes for the same records, adding the same field. */
  private static String tree(String in) {
    StringWriter out = new StringWriter();
    RecordFunction f = r -> {
      ObjectNode o = r.json();
      String text = o.get("text").asText();
      JsonNodeTarget t = new JsonNodeTarget(o);
      o.putObject("added").put("length", text.length()).put("target", t.target());
      return List.of(o);
    };
    new RecordPipeline(BatchOptions.of(1, ErrorPolicy.FAIL), f)
        .run("in.jsonl", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString();
  }

  private record JsonNodeTarget(ObjectNode o) {
    String target() {
      return o.hasNonNull("target") && !o.get("target").asText().isBlank() ? o.get("target").asText() : null;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void writesWhatTheTreePathWritesForOrdinaryRecords(int threads) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      in.append("{\"id\": \"r").append(i).append("\", \"text\": \"Statement \\u00e9 \\\"")
          .append(i).append("\\\" \\ud83d\\ude00 \\ud800\", \"meta\": {\"tags\": [\"a\", null, true, {\"x\": \"y\"}],"
              + " \"n\": 3}, \"target\": ").append(i % 3 == 0 ? "null" : "\"Georgia\"").append("}\n");
    }
    assertEquals(tree(in.toString()), lean(threads, ErrorPolicy.FAIL, in.toString()).out());
  }

  @Test
  void writesStringsAsTheSharedJsonWriterDoesWhateverTheirCharacters() throws IOException {
    // UTF-8 straight from the generator must equal JsonOutput's characters encoded afterwards
    String in = "{\"id\":\"r\\u00e9\",\"text\":\"\u00e9 \\ud83d\\ude00 \\ud800 \\u0001 \\\" \\\\ / \u2028 \u4e2d\","
        + "\"we\u00efrd \\ud83d\\ude00\":[\"\\u007f\\u0000 \\udc00\",{\"\\t\":\"\\r\\n\"}]}\n";
    ObjectNode expected = (ObjectNode) JSON.readTree(in);
    String text = expected.get("text").asText();
    expected.putObject("added").put("length", text.length()).putNull("target");
    String out = lean(2, ErrorPolicy.FAIL, in).out();
    assertEquals(JsonOutput.line(expected) + "\n", out);
    assertTrue(out.contains("\\uD83D\\uDE00 \\uD800"), out);
  }

  @Test
  void passesNumbersThroughExactlyAsWritten() {
    String in = "{\"id\":1e999,\"text\":\"x y\",\"a\":1E2,\"b\":0.10000000000000000000001,\"c\":[-0.0,12345678901234567890123]}\n";
    assertEquals("{\"id\":1e999,\"text\":\"x y\",\"a\":1E2,\"b\":0.10000000000000000000001,"
        + "\"c\":[-0.0,12345678901234567890123],\"added\":{\"length\":3,\"target\":null}}\n",
        lean(1, ErrorPolicy.FAIL, in).out());
  }

  @Test
  void anErrorObjectKeepsANumericIdAsWritten() {
    Result r = lean(1, ErrorPolicy.REPORT, "{\"id\":1e999,\"text\":\"bad\"}\n{\"id\":2,\"text\":\"ok\"}\n");
    assertEquals("{\"line\":1,\"id\":1e999,\"field\":\"text\",\"error\":\"in.jsonl:1: field 'text' says bad\"}\n"
        + "{\"id\":2,\"text\":\"ok\",\"added\":{\"length\":2,\"target\":null}}\n", r.out());
    assertEquals(new BatchSummary(2, 1, 2, 0), r.summary());
  }

  @Test
  void aRecordsOwnValueOfTheAddedFieldIsReplacedAndCounted() {
    Result r = lean(2, ErrorPolicy.FAIL,
        "{\"text\":\"a\"}\n{\"added\":[1,{\"deep\":[2]}],\"text\":\"bc\"}\n{\"text\":\"d\",\"added\":0}\n");
    assertEquals("{\"text\":\"bc\",\"added\":{\"length\":2,\"target\":null}}", r.out().split("\n")[1]);
    assertEquals(2, r.summary().replaced());
    assertEquals(2, r.summary().firstReplacedLine());
  }

  @Test
  void badRecordsReadAsOnTheTreePath() {
    // the tree path with the field checks classify made before the lean path existed
    RecordFunction checked = r -> {
      Datasets.requiredText(r.source(), r.line(), r.json());
      Datasets.optionalString(r.source(), r.line(), r.json(), "target");
      return List.of(r.json());
    };
    String[] lines = {
        "{\"text\":42}", "{\"id\":\"x\"}", "{\"text\":\"  \"}", "{\"text\":\"a\",\"target\":[1]}",
        "{\"text\":null}", "{\"text\":\"a\",\"target\":{}}", "[1]", "\"s\"", "null",
        "{\"text\":\"a\"} {}", "{\"text\":\"a\",\"text\":\"b\"}", "{\"text\":\"a\"", "{\"text\":\"\u00e9\"}x",
        "{\"text\":\"a\",\"n\":[1,2}", "{\"a\":{\"b\":1,\"b\":2},\"text\":\"a\"}"};
    for (String line : lines) {
      DataException e = assertThrows(DataException.class, () -> lean(2, ErrorPolicy.FAIL, line + "\n"), line);
      DataException old = assertThrows(DataException.class, () -> new RecordPipeline(
          BatchOptions.of(1, ErrorPolicy.FAIL), checked).run("in.jsonl",
          new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), new StringWriter(), null));
      assertEquals(old.getMessage(), e.getMessage(), line);
    }
    byte[] latin1 = "{\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    DataException e = assertThrows(DataException.class, () -> RecordPipeline.ofStatements(
        BatchOptions.of(1, ErrorPolicy.FAIL), "added", LENGTH).run("in.jsonl",
        new ByteArrayInputStream(latin1), new StringWriter(), null));
    assertEquals("in.jsonl:1: is not valid UTF-8 (bad byte at column 13 of the line)", e.getMessage());
  }

  @Test
  void aWriteErrorIsNoticedEvenWhenTheOutputIsSmallAndAPrintWriterHidesIt() {
    Writer full = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    };
    for (int threads : new int[] {1, 2}) {
      assertThrows(UncheckedIOException.class, () -> RecordPipeline.ofStatements(
          BatchOptions.of(threads, ErrorPolicy.FAIL), "added", LENGTH).run("in.jsonl",
          new ByteArrayInputStream("{\"text\":\"a\"}\n".getBytes(StandardCharsets.UTF_8)),
          new PrintWriter(full), null));
    }
  }
}
