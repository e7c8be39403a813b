package io.github.demarche.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.demarche.Demarche;
import io.github.demarche.api.Analyzer;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchExampleTest {
  private static final Path CORPUS_DOCUMENTS = Path.of("../data/diplomatic-statements/documents.jsonl");
  private static final Analyzer ANALYZER = Demarche.analyzer();
  private static List<String> texts;

  @BeforeAll
  static void readTexts() {
    texts = new ArrayList<>();
    JsonLines.forEach(CORPUS_DOCUMENTS.toString(), l -> texts.add(l.object().get("text").asText()));
  }

  /** {@code copies} copies of the corpus documents, ids doc-0, doc-1, ... */
  private static Path documents(Path dir, int copies) throws Exception {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (int c = 0; c < copies; c++) {
      for (String t : texts) {
        sb.append(JsonLines.mapper().createObjectNode().put("id", "doc-" + n++).put("text", t))
            .append('\n');
      }
    }
    Path file = dir.resolve("docs.jsonl");
    Files.writeString(file, sb);
    return file;
  }

  @Test
  void manyThreadsWriteWhatOneAnalyzerFindsInInputOrderAndCountIt(@TempDir Path dir)
      throws Exception {
    Path file = documents(dir, 3);
    StringWriter out = new StringWriter();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    BatchExample.Result result = new BatchExample(ANALYZER, 3,
        new PrintStream(progress, true, StandardCharsets.UTF_8), 50).run(file.toString(), out);

    List<String> expected = new ArrayList<>();
    PositionTable table = new PositionTable();
    for (int i = 0; i < 3 * texts.size(); i++) {
      String id = "doc-" + i;
      for (Statement s : ANALYZER.analyze(new Document(id, texts.get(i % texts.size())))) {
        expected.add(io.github.demarche.output.StatementJson.line(id, s));
        table.add(s);
      }
    }
    assertEquals(expected, out.toString().lines().toList());
    assertEquals(3L * texts.size(), result.documents());
    assertEquals(table.render(), result.table().render());
    assertTrue(progress.toString(StandardCharsets.UTF_8)
        .contains(String.format("%,d documents", 3 * texts.size())), progress::toString);
  }

  @Test
  void statementsCarrySpeakerActorAndPositions(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    new BatchExample(ANALYZER, 2, new PrintStream(new ByteArrayOutputStream()), 1000)
        .run(documents(dir, 1).toString(), out);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : out.toString().lines().toList()) {
      rows.add(JsonLines.mapper().readTree(line));
    }
    // the fields and shapes of analyze --format jsonl (docs/analyze.md)
    assertTrue(rows.stream().anyMatch(r -> r.path("speaker").path("actor").path("id").isTextual()
        && r.path("speaker").path("mention").isTextual() && r.path("positions").size() > 0));
    assertTrue(rows.stream().allMatch(r -> r.path("positions").size() > 0
        && r.path("document").asText().startsWith("doc-")));
  }

  @Test
  void aMalformedLineStopsTheRunNamingItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"text\": \"Russia condemned the strike.\"}\n\n{\"text\": 3}\n");
    DataException e = assertThrows(DataException.class, () -> new BatchExample(ANALYZER, 2,
        new PrintStream(new ByteArrayOutputStream()), 1000).run(file.toString(), null));
    assertEquals(3, e.line());
    assertEquals("text", e.field());
  }

  @Test
  void positionTableCountsByActorAndLabel() {
    PositionTable table = new PositionTable();
    for (Statement s : ANALYZER.analyze(new Document("a",
        "Turkey reaffirmed its full support for the territorial integrity of Azerbaijan."))) {
      table.add(s);
    }
    assertEquals(1, table.count("Türkiye [TUR]", "territorial_integrity"), table.render());
    assertTrue(table.render().startsWith("ACTOR"), table.render());
  }

  @Test
  void anOutputThatIsTheInputIsRefusedAndAFailedRunLeavesNoHalfFile(@TempDir Path dir) throws Exception {
    Path in = documents(dir, 1);
    byte[] before = Files.readAllBytes(in);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, BatchExample.cli(new String[] {in.toString(), in.toString()}, quiet,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is the input"), err::toString);
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(in));
    // a bad last document: the statements of the good ones must not land as a half file
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(in) + "{\"id\": 7}\n");
    Path out = dir.resolve("statements.jsonl");
    assertEquals(2, BatchExample.cli(new String[] {bad.toString(), out.toString()}, quiet, quiet));
    assertTrue(Files.notExists(out));
    assertEquals(0, BatchExample.cli(new String[] {in.toString(), out.toString()}, quiet, quiet));
    assertTrue(Files.readAllLines(out).size() > 3);
  }

  @Test
  void aFailedStandardOutputFailsTheRun(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isWritable(Path.of("/dev/full")));
    Path in = documents(dir, 1);
    try (PrintStream full = new PrintStream(new FileOutputStream("/dev/full"), false,
        StandardCharsets.UTF_8)) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(1, BatchExample.cli(new String[] {in.toString()}, full,
          new PrintStream(err, true, StandardCharsets.UTF_8)));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write the table"), err::toString);
    }
  }
}
