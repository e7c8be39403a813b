package io.github.demarche.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.DataException;
import io.github.demarche.data.LineSplitter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Echoes the record's n with its line; slows some records so threads finish out of order. */
  private static final RecordFunction ECHO = r -> {
    int n = r.json().path("n").asInt(-1);
    if (n < 0) {
      throw new DataException(r.source(), r.line(), "n", "is missing");
    }
    if (n % 7 == 3) {
      spin(20_000 + (n % 5) * 10_000);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("n", n).put("line", r.line());
    return List.of(o);
  };

  private static long spin(int rounds) {
    long x = 0;
    for (int i = 0; i < rounds; i++) {
      x += Long.numberOfTrailingZeros(x + i);
    }
    return x;
  }

  private static String input(int records) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < records; i++) {
      sb.append("{\"n\":").append(i).append("}\n");
    }
    return sb.toString();
  }

  record Result(BatchSummary summary, List<JsonNode> lines) {}

  private static Result run(BatchOptions options, RecordFunction f, String in) {
    StringWriter out = new StringWriter();
    BatchSummary s = new RecordPipeline(options, f)
        .run("in.jsonl", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, null);
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString().split("\n", -1)) {
      if (!l.isEmpty()) {
        try {
          lines.add(JSON.readTree(l));
        } catch (IOException e) {
          throw new AssertionError(l, e);
        }
      }
    }
    assertTrue(out.toString().isEmpty() || out.toString().endsWith("\n"));
    return new Result(s, lines);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 8})
  void writesOneLinePerRecordInInputOrderWhateverTheThreadCount(int threads) {
    Result r = run(BatchOptions.of(threads, ErrorPolicy.FAIL), ECHO, input(3000));
    assertEquals(3000, r.lines().size());
    for (int i = 0; i < 3000; i++) {
      assertEquals(i, r.lines().get(i).get("n").asInt());
      assertEquals(i + 1, r.lines().get(i).get("line").asInt());
    }
    assertEquals(new BatchSummary(3000, 0, 3000, 0), r.summary());
  }

  /** Records mixed with blank lines, "\r\n" line ends and a byte-order mark: line numbers must hold. */
  private static String messyInput(int records) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    for (int i = 0; i < records; i++) {
      sb.append("{\"n\":").append(i).append(i % 5 == 0 ? "}\r\n" : "}\n");
      if (i % 11 == 0) {
        sb.append(i % 2 == 0 ? "\n" : "  \t\r\n");
      }
    }
    return sb.toString();
  }

  /** The line each record of {@link #messyInput} is on. */
  private static long[] messyLines(int records) {
    long[] lines = new long[records];
    long line = 1;
    for (int i = 0; i < records; i++) {
      lines[i] = line++;
      if (i % 11 == 0) {
        line++;
      }
    }
    return lines;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8, 16})
  void keepsOrderAndLineNumbersWithManyThreadsAndTinyBatches(int threads) {
    int records = 2000;
    long[] lines = messyLines(records);
    String in = messyInput(records);
    // windows of one or two records a thread, so batches hold a line or two
    for (BatchOptions o : new BatchOptions[] {
        new BatchOptions(threads, ErrorPolicy.FAIL, 1 << 20, threads, 1 << 20),
        new BatchOptions(threads, ErrorPolicy.FAIL, 1 << 20, 1 << 20, 16L * threads),
        new BatchOptions(threads, ErrorPolicy.FAIL, 1 << 20, 8 * threads, 100)}) {
      Result r = run(o, ECHO, in);
      assertEquals(records, r.lines().size(), o.toString());
      for (int i = 0; i < records; i++) {
        assertEquals(i, r.lines().get(i).get("n").asInt(), o.toString());
        assertEquals(lines[i], r.lines().get(i).get("line").asLong(), o.toString());
      }
      assertEquals(new BatchSummary(records, 0, records, (records + 10) / 11), r.summary());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5})
  void errorsInTheMiddleOfBatchesKeepTheirPlacesAndLineNumbers(int threads) {
    int records = 1500;
    long[] lines = messyLines(records);
    // every 97th record is bad in one of several ways, inside batches of up to 256 lines
    StringBuilder in = new StringBuilder();
    String[] messy = messyInput(records).split("(?<=\n)");
    int record = 0;
    for (String l : messy) {
      boolean isRecord = l.contains("{");
      if (isRecord && record % 97 == 50) {
        in.append(record % 3 == 0 ? "{oops\n" : record % 3 == 1 ? "{\"id\":\"r\",\"m\":1}\n" : "{\"n\":\"x\"}\n");
      } else {
        in.append(l);
      }
      record += isRecord ? 1 : 0;
    }
    Result r = run(BatchOptions.of(threads, ErrorPolicy.REPORT), ECHO, in.toString());
    assertEquals(records, r.lines().size());
    int bad = 0;
    for (int i = 0; i < records; i++) {
      JsonNode o = r.lines().get(i);
      if (i % 97 == 50) {
        bad++;
        assertEquals(lines[i], o.get("line").asLong(), o.toString());
        assertTrue(o.get("error").asText().startsWith("in.jsonl:" + lines[i] + ": "), o.toString());
      } else {
        assertEquals(i, o.get("n").asInt());
        assertEquals(lines[i], o.get("line").asLong());
      }
    }
    assertEquals(bad, r.summary().failed());
    // under FAIL the same input stops at the first bad record, after everything before it
    StringWriter out = new StringWriter();
    DataException e = assertThrows(DataException.class, () -> new RecordPipeline(
        BatchOptions.of(threads, ErrorPolicy.FAIL), ECHO).run("in.jsonl",
        new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)), out, null));
    assertTrue(e.getMessage().startsWith("in.jsonl:" + lines[50] + ": "), e.getMessage());
    assertEquals(50, out.toString().split("\n").length);
  }

  @Test
  void writesTheSameBytesToAStreamAsToAWriter() {
    String in = input(700).replace("{\"n\":7}", "{\"n\":7,\"s\":\"\u00e9\\ud83d\\ude00\\ud800\"}");
    RecordFunction f = r -> List.of(r.json());
    StringWriter chars = new StringWriter();
    new RecordPipeline(BatchOptions.of(2, ErrorPolicy.FAIL), f)
        .run("in", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), chars, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new RecordPipeline(BatchOptions.of(2, ErrorPolicy.FAIL), f)
        .run("in", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), bytes, null);
    assertEquals(chars.toString(), bytes.toString(StandardCharsets.UTF_8));
    // every surrogate escaped (see JsonOutput), so a lone one survives UTF-8
    assertTrue(chars.toString().contains("{\"n\":7,\"s\":\"\u00e9\\uD83D\\uDE00\\uD800\"}\n"), chars.toString());
  }

  /** The most records a function saw started but not yet written, over one run. */
  private static long maxInFlight(BatchOptions o, String in) {
    AtomicLong started = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicLong max = new AtomicLong();
    RecordFunction f = r -> {
      max.accumulateAndGet(started.incrementAndGet() - done.get(), Math::max);
      return ECHO.apply(r);
    };
    new RecordPipeline(o, f).run("in", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
        Writer.nullWriter(), done::set);
    assertEquals(started.get(), done.get());
    return max.get();
  }

  @Test
  void holdsNoMoreThanTheWindowOfRecordsAtOnce() {
    long max = maxInFlight(new BatchOptions(4, ErrorPolicy.FAIL, 1 << 20, 12, 1 << 30), input(5000));
    assertTrue(max <= 12, "in flight: " + max);
  }

  @Test
  void holdsNoMoreThanTheByteBudgetAtOnce() {
    // lines of 100 bytes, a 1000-byte budget: at most 10 records in flight, though the window allows 1000
    String line = "{\"n\":1,\"pad\":\"" + "p".repeat(84) + "\"}\n";
    assertEquals(101, line.length());
    long max = maxInFlight(new BatchOptions(4, ErrorPolicy.FAIL, 1 << 20, 1000, 1000), line.repeat(2000));
    assertTrue(max <= 10, "in flight: " + max);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void failPolicyWritesEverythingBeforeTheFirstBadRecordThenThrowsIt(int threads) {
    String in = input(500) + "{\"x\":1}\n" + input(500) + "not json\n";
    StringWriter out = new StringWriter();
    DataException e = assertThrows(DataException.class, () -> new RecordPipeline(
        BatchOptions.of(threads, ErrorPolicy.FAIL), ECHO)
        .run("in.jsonl", new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, null));
    assertEquals("in.jsonl:501: field 'n' is missing", e.getMessage());
    assertEquals(500, out.toString().split("\n").length);
    assertTrue(out.toString().endsWith("{\"n\":499,\"line\":500}\n"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void reportPolicyPutsAnErrorObjectInEachBadRecordsPlace(int threads) {
    String in = "{\"n\":0}\n{\"id\":\"q7\",\"x\":1}\n\n{oops\n{\"n\":3}\n{\"id\":12,\"n\":\"a\"}\n"
        + "{\"n\":\"" + "z".repeat(300) + "\"}\n{\"n\":5}";
    Result r = run(BatchOptions.of(threads, ErrorPolicy.REPORT).withMaxLineBytes(200), ECHO, in);
    assertEquals(new BatchSummary(7, 4, 7, 1), r.summary());
    List<JsonNode> l = r.lines();
    assertEquals(0, l.get(0).get("n").asInt());
    assertEquals("{\"line\":2,\"id\":\"q7\",\"field\":\"n\",\"error\":\"in.jsonl:2: field 'n' is missing\"}",
        l.get(1).toString());
    assertEquals(4, l.get(2).get("line").asInt());
    assertTrue(l.get(2).get("error").asText().startsWith("in.jsonl:4: is not valid JSON"), l.get(2).toString());
    assertEquals(3, l.get(3).get("n").asInt());
    assertEquals(12, l.get(4).get("id").asInt());
    assertEquals("in.jsonl:7: is too long (308 bytes, more than the line limit)", l.get(5).get("error").asText());
    assertEquals(5, l.get(6).get("n").asInt());
    assertEquals(8, l.get(6).get("line").asInt());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aLineOfSpacesOverTheLimitIsABadRecordNotABlankLine(int threads) {
    // 50 spaces fit the read buffer; 3 MiB do not and are skipped by the reader: the same verdict
    String in = "{\"n\":0}\n" + " ".repeat(50) + "\n" + " ".repeat(3 << 20) + "\r\n\n{\"n\":4}\n";
    Result r = run(BatchOptions.of(threads, ErrorPolicy.REPORT).withMaxLineBytes(40), ECHO, in);
    assertEquals(new BatchSummary(4, 2, 4, 1), r.summary());
    assertEquals("in.jsonl:2: is too long (50 bytes, more than the line limit)", r.lines().get(1).get("error").asText());
    assertEquals("in.jsonl:3: is too long (" + (3 << 20) + " bytes, more than the line limit)",
        r.lines().get(2).get("error").asText());
    assertEquals(5, r.lines().get(3).get("line").asInt());
  }

  @Test
  void anIllegalArgumentFromTheFunctionIsABadRecord() {
    RecordFunction f = r -> {
      throw new IllegalArgumentException("text must not be blank");
    };
    Result r = run(BatchOptions.of(2, ErrorPolicy.REPORT), f, input(3));
    assertEquals(3, r.summary().failed());
    assertEquals("in.jsonl:1: text must not be blank", r.lines().get(0).get("error").asText());
  }

  @Test
  void anyOtherExceptionEndsTheRunWhateverThePolicy() {
    RecordFunction f = r -> {
      if (r.line() == 40) {
        throw new IllegalStateException("bug");
      }
      return ECHO.apply(r);
    };
    for (int threads : new int[] {1, 4}) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> run(BatchOptions.of(threads, ErrorPolicy.REPORT), f, input(100)));
      assertEquals("bug", e.getMessage());
    }
  }

  @Test
  void aFunctionMayWriteSeveralLinesOrNoneForARecord() {
    RecordFunction f = r -> {
      int n = r.json().get("n").asInt();
      List<ObjectNode> out = new ArrayList<>();
      for (int i = 0; i < n % 3; i++) {
        out.add(JSON.createObjectNode().put("n", n).put("i", i));
      }
      return out;
    };
    Result r = run(BatchOptions.of(3, ErrorPolicy.FAIL), f, input(30));
    assertEquals(30, r.lines().size());
    assertEquals(30, r.summary().outputLines());
    assertEquals("{\"n\":1,\"i\":0}", r.lines().get(0).toString());
    assertEquals("{\"n\":2,\"i\":1}", r.lines().get(2).toString());
  }

  @Test
  void emptyInputWritesNothing() {
    Result r = run(BatchOptions.of(2, ErrorPolicy.FAIL), ECHO, "\n\r\n");
    assertEquals(new BatchSummary(0, 0, 0, 2), r.summary());
  }

  @Test
  void aClosedOutputEndsTheRun() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    RecordPipeline p = new RecordPipeline(BatchOptions.of(2, ErrorPolicy.FAIL), ECHO);
    UncheckedIOException direct = assertThrows(UncheckedIOException.class, () -> p.run("in",
        new ByteArrayInputStream(input(10).getBytes(StandardCharsets.UTF_8)), broken, null));
    assertTrue(direct.getMessage().contains("Broken pipe"), direct.getMessage());
    // a PrintWriter swallows the error; the pipeline asks it every so often
    assertThrows(UncheckedIOException.class, () -> p.run("in",
        new ByteArrayInputStream(input(5000).getBytes(StandardCharsets.UTF_8)), new PrintWriter(broken), null));
  }

  @Test
  void optionsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> BatchOptions.of(0, ErrorPolicy.FAIL));
    assertThrows(IllegalArgumentException.class, () -> new BatchOptions(4, ErrorPolicy.FAIL, 10, 3, 10));
    assertThrows(IllegalArgumentException.class, () -> new BatchOptions(1, null, 10, 3, 10));
    assertEquals(LineSplitter.DEFAULT_MAX_LINE_BYTES, BatchOptions.of(1, ErrorPolicy.FAIL).maxLineBytes());
  }
}
