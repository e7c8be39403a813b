package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed line is reported with its file and exact line; nothing is skipped silently. */
class JsonLinesTest {
  @TempDir Path dir;

  private static List<JsonLines.Line> read(byte[] bytes, int limit) {
    List<JsonLines.Line> out = new ArrayList<>();
    JsonLines.forEach("in.jsonl", new ByteArrayInputStream(bytes), limit, out::add);
    return out;
  }

  private static List<JsonLines.Line> read(String s) {
    return read(s.getBytes(StandardCharsets.UTF_8), LineSplitter.DEFAULT_MAX_LINE_BYTES);
  }

  private static DataException fails(byte[] bytes) {
    return assertThrows(DataException.class, () -> read(bytes, LineSplitter.DEFAULT_MAX_LINE_BYTES));
  }

  private static DataException fails(String s) {
    return fails(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void byteOrderMarkCrlfBlankLinesAndAMissingLastNewlineAreAccepted() {
    List<JsonLines.Line> lines = read("\uFEFF{\"a\":1}\r\n\r\n  \t\n{\"a\":2}\r\n{\"a\":3}");
    assertEquals(List.of(1L, 4L, 5L), lines.stream().map(JsonLines.Line::number).toList());
    assertEquals(3, lines.get(2).object().get("a").asInt());
  }

  @Test
  void aByteOrderMarkAfterTheFirstLineIsAnError() {
    DataException e = fails("{\"a\":1}\n\uFEFF{\"a\":2}\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void invalidUtf8IsReportedOnItsOwnLineWithTheColumn() {
    // many good lines first, so a reader that decodes ahead in blocks would blame the wrong line
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      sb.append("{\"text\":\"line ").append(i).append("\"}\n");
    }
    byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'};
    byte[] all = Arrays.copyOf(good, good.length + bad.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    DataException e = fails(all);
    assertEquals(3001, e.line());
    assertEquals("in.jsonl:3001: is not valid UTF-8 (bad byte at column 7 of the line)", e.getMessage());
  }

  @Test
  void overlongUtf8EncodingsAndLoneSurrogatesAreRefused() {
    // an overlong '/' (C0 AF) and an encoded UTF-16 surrogate (ED A0 80) are not UTF-8
    assertTrue(fails(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'})
        .getMessage().contains("UTF-8"));
    assertTrue(fails(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'})
        .getMessage().contains("UTF-8"));
  }

  @Test
  void nulBytesAreRefusedRawButAcceptedEscaped() {
    DataException raw = fails("{\"text\":\"a\u0000b\"}\n");
    assertEquals(1, raw.line());
    assertTrue(raw.getMessage().contains("not valid JSON"), raw.getMessage());
    assertTrue(fails("\u0000\n").getMessage().contains("not valid JSON"));
    assertEquals("a\u0000b", read("{\"text\":\"a\\u0000b\"}\n").get(0).object().get("text").asText());
  }

  @Test
  void aLineOverTheLimitIsReportedWithItsLengthAndTheNextLinesStillRead() {
    String big = "{\"text\":\"" + "x".repeat(5000) + "\"}";
    byte[] bytes = ("{\"a\":1}\n" + big + "\r\n{\"a\":3}\n").getBytes(StandardCharsets.UTF_8);
    DataException e = assertThrows(DataException.class, () -> read(bytes, 1000));
    assertEquals(2, e.line());
    assertEquals("in.jsonl:2: is too long (" + big.length() + " bytes, more than the line limit)", e.getMessage());
    // the splitter itself goes on past the long line, keeping at most the limit
    List<RawLine> raw = new ArrayList<>();
    try (LineSplitter s = new LineSplitter(new ByteArrayInputStream(bytes), 1000)) {
      for (RawLine l = s.next(); l != null; l = s.next()) {
        raw.add(l);
      }
    } catch (IOException ex) {
      throw new AssertionError(ex);
    }
    assertEquals(3, raw.size());
    assertTrue(raw.get(1).tooLong());
    assertNull(raw.get(1).bytes());
    assertEquals("{\"a\":3}", new String(raw.get(2).bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aLineExactlyAtTheLimitIsKeptEvenWithCrlf() {
    String line = "{\"t\":\"" + "y".repeat(100) + "\"}";
    assertEquals(1, read((line + "\r\n").getBytes(StandardCharsets.UTF_8), line.length()).size());
    assertThrows(DataException.class,
        () -> read((line + "\r\n").getBytes(StandardCharsets.UTF_8), line.length() - 1));
  }

  @Test
  void aFiftyMegabyteLineIsRefusedByDefaultAndReadWhenTheLimitAllows() {
    int n = 50 << 20;
    byte[] bytes = new byte[n + 12];
    byte[] head = "{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    Arrays.fill(bytes, head.length, head.length + n, (byte) 'w');
    bytes[head.length + n] = '"';
    bytes[head.length + n + 1] = '}';
    bytes[head.length + n + 2] = '\n';
    byte[] file = Arrays.copyOf(bytes, head.length + n + 3);
    DataException e = fails(file);
    assertTrue(e.getMessage().startsWith("in.jsonl:1: is too long (" + (file.length - 1) + " bytes"), e.getMessage());
    List<JsonLines.Line> lines = read(file, 64 << 20);
    assertEquals(n, lines.get(0).object().get("text").asText().length());
  }

  @Test
  void aRepeatedFieldIsAnErrorNotALastOneWins() {
    DataException e = fails("{\"text\":\"a\",\"text\":\"b\"}\n");
    assertTrue(e.getMessage().contains("Duplicate field 'text'"), e.getMessage());
  }

  @Test
  void jsonThatIsNotAnObjectSaysWhatItIs() {
    assertEquals("in.jsonl:1: is not a JSON object (found an array)", fails("[1]\n").getMessage());
    assertEquals("in.jsonl:1: is not a JSON object (found a string)", fails("\"s\"\n").getMessage());
    assertEquals("in.jsonl:1: is not a JSON object (found null)", fails("null\n").getMessage());
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutAStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    DataException e = fails(deep);
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void inputQuotedInAMessageCannotBreakTheLineOrDriveTheTerminal() {
    String token = "x" + "\u001b[2J\u001b]0;owned\u0007" + "y".repeat(1000);
    DataException e = fails("{\"a\": " + token + "}\n");
    String m = e.getMessage();
    assertTrue(m.contains("'x\\u001B'"), m);
    assertTrue(m.chars().noneMatch(c -> c < 0x20), m);
    assertTrue(m.length() < 400, m);
  }

  @Test
  void twoObjectsOnOneLineAreAnError() {
    // Jackson would read the first and ignore the rest: that would lose a record silently
    DataException e = fails("{\"a\":1} {\"a\":2}\n");
    assertEquals(1, e.line());
  }

  @Test
  void missingDirectoryEmptyAndUnreadableFilesAreNamed() throws IOException {
    String missing = dir.resolve("none.jsonl").toString();
    assertEquals(missing + ": no such file",
        assertThrows(DataException.class, () -> JsonLines.forEach(missing, l -> {})).getMessage());
    assertEquals(dir + ": is a directory, not a file",
        assertThrows(DataException.class, () -> JsonLines.forEach(dir.toString(), l -> {})).getMessage());
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    List<JsonLines.Line> none = new ArrayList<>();
    JsonLines.forEach(empty.toString(), none::add);
    assertEquals(List.of(), none);
    Path locked = Files.writeString(dir.resolve("locked.jsonl"), "{}\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
    assertEquals(locked + ": cannot be read (permission denied)",
        assertThrows(DataException.class, () -> JsonLines.forEach(locked.toString(), l -> {})).getMessage());
  }
}
