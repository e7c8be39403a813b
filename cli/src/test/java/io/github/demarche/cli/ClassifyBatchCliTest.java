package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify} over files: one line per record in order, the error policies, the exit codes. */
class ClassifyBatchCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> lines(String out) throws IOException {
    List<JsonNode> l = new ArrayList<>();
    for (String s : out.split("\n")) {
      if (!s.isEmpty()) {
        l.add(JSON.readTree(s));
      }
    }
    return l;
  }

  private static CliBadInputTest.Run run(String... args) {
    return CliBadInputTest.run(args);
  }

  @Test
  void twoThreadsWriteExactlyWhatOneThreadWrites() {
    String dev = Corpus.dev().toString();
    CliBadInputTest.Run one = run("classify", "--no-language-check", dev);
    CliBadInputTest.Run two = run("classify", "--no-language-check", "--threads", "2", dev);
    assertEquals(0, one.code(), one.err());
    assertEquals(0, two.code(), two.err());
    assertEquals(294, one.out().split("\n").length);
    assertEquals(one.out(), two.out());
  }

  @Test
  void failIsTheDefaultAndNamesFileLineAndField() throws IOException {
    Path f = write("in.jsonl", "{\"text\":\"We condemn the attack.\"}\n{\"id\":\"b\",\"text\":42}\n{\"text\":\"x y\"}\n");
    CliBadInputTest.Run r = run("classify", "--threads", "2", f.toString());
    assertEquals(Main.EXIT_INPUT, r.code());
    assertEquals("demarche: " + f + ":2: field 'text' must be a string, found a number", r.err().strip());
    assertEquals(1, lines(r.out()).size(), "the record before the bad one is written");
  }

  @Test
  void reportWritesAnErrorObjectInPlaceAndExitsWithThree() throws IOException {
    Path f = write("in.jsonl", "{\"text\":\"We condemn the attack.\"}\n{\"id\":\"b\",\"text\":\"  \"}\n"
        + "{\"text\":\"We welcome the talks.\",\"target\":7}\n{\"text\":\"Both sides must show restraint.\"}\n");
    CliBadInputTest.Run r = run("classify", "--on-error", "report", f.toString());
    assertEquals(Main.EXIT_RECORDS_FAILED, r.code(), r.err());
    List<JsonNode> out = lines(r.out());
    assertEquals(4, out.size());
    assertTrue(out.get(0).has("positions"));
    assertEquals("{\"line\":2,\"id\":\"b\",\"field\":\"text\",\"error\":\"" + f + ":2: field 'text' is empty\"}",
        out.get(1).toString());
    assertEquals("target", out.get(2).get("field").asText());
    assertTrue(out.get(3).has("positions"));
    assertEquals("demarche: " + f + ": 2 of 4 records failed; each has an error object in its place in the output",
        r.err().strip());
  }

  @Test
  void anEmptyFileWritesNothingAndSaysSo() throws IOException {
    Path f = write("empty.jsonl", "");
    CliBadInputTest.Run r = run("classify", f.toString());
    assertEquals(0, r.code());
    assertEquals("", r.out());
    assertEquals("demarche: warning: " + f + " holds no records; nothing to do", r.err().strip());
  }

  @Test
  void missingInputsDirectoriesAndBadOptionsAreOneLine() throws IOException {
    CliBadInputTest.Run missing = run("classify", dir.resolve("nope.jsonl").toString());
    assertEquals(Main.EXIT_INPUT, missing.code());
    assertEquals("demarche: " + dir.resolve("nope.jsonl") + ": no such file", missing.err().strip());
    CliBadInputTest.Run directory = run("classify", dir.toString());
    assertEquals("demarche: " + dir + ": is a directory, not a file", directory.err().strip());
    CliBadInputTest.Run modelDir = run("classify", "--model", dir.toString(), write("a.jsonl", "{}").toString());
    assertEquals("demarche: " + dir + ": is a directory, not a model file", modelDir.err().strip());
    CliBadInputTest.Run threads = run("classify", "--threads", "0", "x");
    assertEquals(Main.EXIT_INPUT, threads.code());
    assertEquals("demarche: --threads must be in 1..256, was 0", threads.err().strip());
    CliBadInputTest.Run policy = run("classify", "--on-error", "ignore", "x");
    assertEquals(Main.EXIT_INPUT, policy.code());
    assertTrue(policy.err().startsWith("demarche: Invalid value for option '--on-error'"), policy.err());
  }

  @Test
  void invalidUtf8AndOverlongLinesAreReportedByLine() throws IOException {
    Path f = dir.resolve("bad.jsonl");
    byte[] ok = "{\"text\":\"We condemn the attack.\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'};
    byte[] big = ("{\"text\":\"" + "a ".repeat(600_000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(f)) {
      out.write(ok);
      out.write(bad);
      out.write(big);
      out.write(ok);
    }
    CliBadInputTest.Run r = run("classify", "--on-error", "report", "--max-line-mb", "1", f.toString());
    assertEquals(Main.EXIT_RECORDS_FAILED, r.code());
    List<JsonNode> out = lines(r.out());
    assertEquals(4, out.size());
    assertEquals(f + ":2: is not valid UTF-8 (bad byte at column 10 of the line)", out.get(1).get("error").asText());
    assertEquals(f + ":3: is too long (" + (big.length - 1) + " bytes, more than the line limit)",
        out.get(2).get("error").asText());
    assertTrue(out.get(3).has("positions"));
  }

  @Test
  void textWithoutSentenceBoundariesOrWithWildPunctuationStillGetsAPosition() throws IOException {
    String[] texts = {
        "we call for restraint " .repeat(20_000),
        "!!!???...,,,;;;:::" .repeat(5_000),
        "\u201C\u201C\u201D\u00AB\u00BB\u201E\"'`\u2018\u2019\u2039\u203A".repeat(3_000),
        "\"\"\"\"\"\"\"\"\"",
        "\u0000\u0001\u0002 control \u001F characters",
        "emoji \uD83D\uDE00 and a lone surrogate \uD800 and RTL \u202E text",
        "Ceasefire\u2028now\u2029please\u00A0\u200B\u200Bstop",
    };
    StringBuilder sb = new StringBuilder();
    for (String t : texts) {
      sb.append(JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII)
          .writeValueAsString(JSON.createObjectNode().put("text", t))).append('\n');
    }
    Path f = write("odd.jsonl", sb.toString());
    CliBadInputTest.Run r = run("classify", "--no-language-check", f.toString());
    assertEquals(0, r.code(), r.err());
    List<JsonNode> out = lines(r.out());
    assertEquals(texts.length, out.size());
    // surrogates go out escaped, so the lone one survives UTF-8 output instead of becoming '?'
    assertTrue(r.out().split("\n")[5].contains("\\uD83D\\uDE00 and a lone surrogate \\uD800"), r.out());
    for (int i = 0; i < texts.length; i++) {
      assertEquals(texts[i], out.get(i).get("text").asText(), "the text passes through unchanged");
      double score = out.get(i).get("positions").get(0).get("score").asDouble();
      assertTrue(score >= 0 && score <= 1, out.get(i).toString());
    }
  }

  @Test
  void nonEnglishTextIsWarnedAboutOnceWithACount() throws IOException {
    String fr = "{\"text\":\"Le ministre des Affaires \u00e9trang\u00e8res a appel\u00e9 \u00e0 un cessez-le-feu imm\u00e9diat et au respect du droit international.\"}\n";
    String de = "{\"text\":\"Der Au\u00dfenminister forderte einen sofortigen Waffenstillstand und die Achtung des V\u00f6lkerrechts durch alle Seiten.\"}\n";
    String en = "{\"text\":\"The minister called for an immediate ceasefire and for all sides to respect international law.\"}\n";
    Path f = write("mixed.jsonl", en + fr + en + de + fr + en);
    CliBadInputTest.Run r = run("classify", f.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(6, lines(r.out()).size());
    String[] err = r.err().strip().split("\n");
    assertEquals(1, err.length, r.err());
    assertEquals("demarche: warning: " + f + ": 3 of 6 sampled records look not English ({deu=1, fra=2};"
        + " first at line 2); the model reads English only, so its positions for them are unreliable", err[0]);
    CliBadInputTest.Run off = run("classify", "--no-language-check", f.toString());
    assertEquals("", off.err());
  }

  @Test
  void englishCorpusRaisesNoLanguageWarning() {
    CliBadInputTest.Run r = run("classify", Corpus.dev().toString());
    assertEquals(0, r.code());
    assertEquals("", r.err());
  }

  @Test
  void aRecordsOwnPositionsFieldIsReplacedWithAWarning() throws IOException {
    Path f = write("p.jsonl", "{\"text\":\"We condemn the attack.\"}\n"
        + "{\"positions\":[{\"label\":\"mine\"}],\"text\":\"We condemn the attack.\"}\n");
    CliBadInputTest.Run r = run("classify", "--no-language-check", f.toString());
    assertEquals(0, r.code(), r.err());
    List<JsonNode> out = lines(r.out());
    assertEquals(out.get(0), out.get(1), "the input's own positions are not in the output");
    assertEquals("demarche: warning: " + f + ": 1 of 2 records already had a 'positions' field (first at"
        + " line 2); the output replaces it with the model's", r.err().strip());
  }

  @Test
  void numbersAndOtherFieldsPassThroughAsWritten() throws IOException {
    String rest = "\"id\":1e999,\"n\":1E2,\"x\":0.1000000000000000000000001,\"meta\":{\"k\":[1,true,null]}";
    Path f = write("n.jsonl", "{" + rest + ",\"text\":\"We condemn the attack.\"}\n");
    CliBadInputTest.Run r = run("classify", "--no-language-check", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{" + rest + ",\"text\":\"We condemn the attack.\",\"positions\":[{"), r.out());
  }

  @Test
  void aFailedWriteEndsTheRunWithOneLineAndExitOneEvenForAFewRecords() throws IOException {
    Path f = write("w.jsonl", "{\"text\":\"We condemn the attack.\"}\n".repeat(3));
    java.io.Writer full = new java.io.Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.run(new String[] {"classify", "--no-language-check", f.toString()},
        new java.io.PrintWriter(full), new java.io.PrintWriter(err, true));
    assertEquals(Main.EXIT_FAILURE, code);
    assertEquals(1, err.toString().strip().split("\n").length, err.toString());
    assertTrue(err.toString().startsWith("demarche: cannot write the output"), err.toString());
  }

  @Test
  void threadsDefaultToEveryCoreAndOnlyClassifyIsToldToLowerThem() {
    ClassifyCommand c = new ClassifyCommand();
    new picocli.CommandLine(c).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("x.jsonl");
    assertEquals(Math.min(256, Runtime.getRuntime().availableProcessors()), c.batch.options().threads());
    new picocli.CommandLine(c).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--threads", "1", "x.jsonl");
    assertEquals(1, c.batch.options().threads());
    assertTrue(Main.hasBatchOptions(new String[] {"classify", "--threads", "2"}));
    assertFalse(Main.hasBatchOptions(new String[] {"analyze", "-"}));
    assertFalse(Main.hasBatchOptions(new String[] {"--help"}));
  }

  @Test
  void evalWarnsAboutLabelsTheModelDoesNotKnow() throws IOException {
    Path f = write("e.jsonl", "{\"text\":\"We condemn the attack.\",\"labels\":[\"accusation\"]}\n"
        + "{\"text\":\"We will think about it.\",\"labels\":[\"grumbling\"]}\n");
    CliBadInputTest.Run r = run("eval", "--data", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("warning: the data has labels the model does not know"), r.err());
    assertTrue(r.err().contains("grumbling"), r.err());
    assertFalse(r.err().contains("accusation"), r.err());
  }
}
