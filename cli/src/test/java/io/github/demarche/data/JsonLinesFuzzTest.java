package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.batch.BatchOptions;
import io.github.demarche.batch.ErrorPolicy;
import io.github.demarche.batch.RecordFunction;
import io.github.demarche.batch.RecordPipeline;
import io.github.demarche.domain.Position;
import io.github.demarche.model.StanceModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * Coverage-guided fuzzing of the JSON Lines reader, the record pipeline and classification
 * (Jazzer). A normal build replays the inputs stored under {@code
 * src/test/resources/io/github/demarche/data/JsonLinesFuzzTestInputs/}. The properties: reading
 * throws nothing but a {@link DataException} naming the line; under the report policy the
 * pipeline writes exactly one JSON object per non-blank input line, in order, each a result or an
 * error naming that line; and classifying any text that passes validation throws nothing.
 */
class JsonLinesFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StanceModel MODEL = Demarche.defaultModel();
  private static final int LIMIT = 4096;

  private static final RecordFunction CLASSIFY = r -> {
    ObjectNode o = r.json();
    Example e = Datasets.toExample(r.source(), r.line(), o.deepCopy().put("label", "x"));
    ArrayNode arr = o.putArray("positions");
    for (Position p : MODEL.classify(new StanceInput(e.text(), e.target()))) {
      arr.addObject().put("label", p.label()).put("score", p.score());
    }
    return List.of(o);
  };

  @FuzzTest(maxDuration = "3m")
  void readerReportsOrReads(byte[] bytes) {
    try {
      JsonLines.forEach("fuzz", new ByteArrayInputStream(bytes), LIMIT, line -> {
        assertTrue(line.number() >= 1);
        try {
          Datasets.toExample("fuzz", line.number(), line.object());
        } catch (DataException e) {
          assertEquals(line.number(), e.line(), e.getMessage());
        }
      });
    } catch (DataException e) {
      assertTrue(e.getMessage().startsWith("fuzz:" + e.line() + ": ") && e.line() >= 1, e.getMessage());
    }
  }

  @FuzzTest(maxDuration = "3m")
  void pipelineWritesOneObjectPerRecordInOrder(byte[] bytes) throws IOException {
    StringWriter out = new StringWriter();
    new RecordPipeline(new BatchOptions(2, ErrorPolicy.REPORT, LIMIT, 8, 1 << 20), CLASSIFY)
        .run("fuzz", new ByteArrayInputStream(bytes), out, null);
    List<Long> records = nonBlankLines(bytes);
    String text = out.toString();
    assertTrue(text.isEmpty() || text.endsWith("\n"));
    String[] lines = text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1);
    assertEquals(records.size(), lines.length, "one output line per record");
    for (int i = 0; i < records.size(); i++) {
      JsonNode o = JSON.readTree(lines[i]);
      if (o.has("error")) {
        assertEquals(records.get(i).longValue(), o.get("line").asLong(), lines[i]);
        assertTrue(o.get("error").asText().startsWith("fuzz:" + records.get(i) + ": "), lines[i]);
      } else {
        assertTrue(o.get("positions").size() >= 1, lines[i]);
      }
    }
  }

  /**
   * The numbers of the lines that are records, computed independently of the reader: lines that
   * are not blank, and lines over the limit (reported as too long even when blank).
   */
  static List<Long> nonBlankLines(byte[] bytes) {
    List<Long> out = new java.util.ArrayList<>();
    long number = 0;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length && start == bytes.length) {
        break;
      }
      if (i == bytes.length || bytes[i] == '\n') {
        number++;
        int from = start;
        if (number == 1 && i - start >= 3 && (bytes[start] & 0xff) == 0xEF && (bytes[start + 1] & 0xff) == 0xBB
            && (bytes[start + 2] & 0xff) == 0xBF) {
          from += 3;
        }
        boolean blank = i - start - (i > start && bytes[i - 1] == '\r' ? 1 : 0) <= LIMIT;
        for (int j = from; j < i && blank; j++) {
          if (bytes[j] != ' ' && bytes[j] != '\t' && bytes[j] != '\r') {
            blank = false;
            break;
          }
        }
        if (!blank) {
          out.add(number);
        }
        start = i + 1;
      }
    }
    return out;
  }
}
