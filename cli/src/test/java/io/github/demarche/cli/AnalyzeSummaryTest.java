package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.Demarche;
import io.github.demarche.analyze.StatementAnalyzer;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.NewsStatementExtractor;
import io.github.demarche.extract.TestActors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code analyze --summary}, several documents, JSON Lines input and {@code --format csv}. */
class AnalyzeSummaryTest {
  private static final String FIRST = "Azerbaijan accused Armenia of shelling its positions on"
      + " Monday.\n\n\u201CWe will respond,\u201D said Azerbaijani President Ilham Aliyev.";
  private static final String SECOND = "Armenia denied the accusation.\n\nThe weather was mild,"
      + " and \"nobody\" said anything.";

  @TempDir Path dir;

  private final StatementAnalyzer analyzer = new StatementAnalyzer(
      new NewsStatementExtractor(new TestActors()), Demarche.defaultModel());

  private String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand(model -> analyzer));
    cl.setOut(new PrintWriter(out));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(0, cl.execute(args), err::toString);
    return out.toString();
  }

  private List<Statement> both() {
    List<Statement> all = new ArrayList<>(analyzer.analyze(new Document("a", FIRST)));
    all.addAll(analyzer.analyze(new Document("b", SECOND)));
    return all;
  }

  /** Actor id (or catch-all row) to label to count, computed from the analyzer directly. */
  private Map<String, Map<String, Integer>> expectedCounts() {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Statement s : both()) {
      String row = s.speaker() == null ? "(no speaker)"
          : s.speaker().actor() == null ? "(unresolved)" : s.speaker().actor().id();
      for (Position p : s.positions()) {
        counts.computeIfAbsent(row, k -> new HashMap<>()).merge(p.label(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private Path[] files() throws IOException {
    Path a = Files.writeString(dir.resolve("a.txt"), FIRST);
    Path b = Files.writeString(dir.resolve("b.txt"), SECOND);
    return new Path[] {a, b};
  }

  @Test
  void csvSummaryOfSeveralFilesCountsPositionsByActor() throws IOException {
    Path[] f = files();
    List<String> rows = run("--summary", "--format", "csv", f[0].toString(), f[1].toString())
        .lines().toList();
    String[] header = rows.get(0).split(",");
    assertEquals("actor_id", header[0]);
    assertEquals("total", header[header.length - 1]);
    Map<String, Map<String, Integer>> actual = new HashMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      for (int i = 2; i < header.length - 1; i++) {
        if (!cells[i].equals("0")) {
          actual.computeIfAbsent(cells[0], k -> new HashMap<>())
              .put(header[i], Integer.parseInt(cells[i]));
        }
      }
      // total: the actor's statements, not the sum of its positions
      long statements = both().stream().filter(s -> cells[0].equals(s.speaker() == null
          ? "(no speaker)" : s.speaker().actor() == null ? "(unresolved)"
          : s.speaker().actor().id())).count();
      assertEquals(statements, Integer.parseInt(cells[header.length - 1]), row);
    }
    assertEquals(expectedCounts(), actual);
    assertTrue(actual.containsKey("AZE") && actual.containsKey("ARM"), actual::toString);
  }

  @Test
  void theTotalCountsStatementsNotPositions() {
    AnalyzeCommand.PositionCounts counts = new AnalyzeCommand.PositionCounts();
    Document d = new Document("d", "Russia condemned the strike and urged talks.");
    counts.add(Statement.in(d, 0, d.text().length(), 0, null).withPositions(List.of(
        new Position("accusation", 0.8), new Position("de_escalation", 0.7))));
    String csv = counts.csv();
    assertTrue(csv.lines().toList().get(1).endsWith(",1,1,1"), csv);
    assertTrue(counts.jsonl().get(0).get("total").asInt() == 1, csv);
  }

  @Test
  void jsonLinesInputGivesTheSameSummaryAsSeparateFiles() throws IOException {
    Path[] f = files();
    ObjectMapper json = new ObjectMapper();
    Path docs = dir.resolve("docs.jsonl");
    Files.writeString(docs, json.createObjectNode().put("id", "a").put("text", FIRST) + "\n\n"
        + json.createObjectNode().put("doc_id", "b").put("text", SECOND) + "\n");
    String fromFiles = run("--summary", f[0].toString(), f[1].toString());
    String fromLines = run("--summary", "--input-format", "jsonl", docs.toString());
    assertEquals(fromFiles, fromLines);
    assertTrue(fromLines.startsWith("ACTOR"), fromLines);
  }

  @Test
  void jsonlStatementsOfSeveralDocumentsNameTheirDocument() throws IOException {
    Path docs = dir.resolve("docs.jsonl");
    ObjectMapper json = new ObjectMapper();
    Files.writeString(docs, json.createObjectNode().put("id", "a").put("text", FIRST) + "\n"
        + json.createObjectNode().put("text", SECOND) + "\n");
    List<String> lines = run("--format", "jsonl", "--input-format", "jsonl", docs.toString())
        .lines().toList();
    assertEquals(both().size(), lines.size());
    JsonNode first = json.readTree(lines.get(0));
    JsonNode last = json.readTree(lines.get(lines.size() - 1));
    assertEquals("a", first.get("document").asText());
    assertEquals(docs + ":2", last.get("document").asText());
  }

  @Test
  void csvStatementsQuoteFieldsWithCommasAndQuotes() throws IOException {
    Path[] f = files();
    List<String> rows = run("--format", "csv", f[0].toString(), f[1].toString()).lines().toList();
    assertEquals(String.join(",", AnalyzeCommand.CSV_HEADER), rows.get(0));
    assertEquals(both().size() + 1, rows.size());
    Statement weather = both().get(both().size() - 1);
    assertTrue(rows.get(rows.size() - 1).startsWith(f[1] + ","), rows.get(rows.size() - 1));
    assertTrue(rows.get(rows.size() - 1).endsWith(
        ",\"" + weather.text().replace("\"", "\"\"") + "\""), rows.get(rows.size() - 1));
    assertEquals("plain", AnalyzeCommand.csvField("plain"));
    assertEquals("\"a,b\"", AnalyzeCommand.csvField("a,b"));
    assertEquals("\"say \"\"no\"\"\"", AnalyzeCommand.csvField("say \"no\""));
    assertEquals("\"two\nlines\"", AnalyzeCommand.csvField("two\nlines"));
  }

  @Test
  void aJsonLinesDocumentWithoutTextIsReportedByLine() throws IOException {
    Path docs = dir.resolve("bad.jsonl");
    Files.writeString(docs, "{\"text\": \"Armenia denied the accusation.\"}\n{\"id\": \"x\"}\n");
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"analyze", "--summary", "--input-format", "jsonl",
        docs.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Main.EXIT_INPUT, code);
    assertEquals(List.of("demarche: " + docs + ":2: field 'text' is missing"),
        err.toString().lines().toList());
  }
}
