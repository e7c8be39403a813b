package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.Demarche;
import io.github.demarche.analyze.StatementAnalyzer;
import io.github.demarche.domain.Document;
import io.github.demarche.extract.NewsStatementExtractor;
import io.github.demarche.extract.TestActors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {
  private static final String ARTICLE = "Azerbaijan accused Armenia of shelling its positions on"
      + " Monday.\n\n\u201CWe will respond,\u201D said Azerbaijani President Ilham Aliyev. \u201CWe"
      + " have no other choice.\u201D\n\nThe weather was mild.";

  @TempDir Path dir;

  private final StatementAnalyzer analyzer = new StatementAnalyzer(
      new NewsStatementExtractor(new TestActors()), Demarche.defaultModel());

  @Test
  void jsonlPrintsOneParsableObjectPerStatement() throws IOException {
    Path file = dir.resolve("article.txt");
    Files.writeString(file, ARTICLE);
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand(model -> analyzer));
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--format", "jsonl", file.toString());
    assertEquals(0, code);
    List<String> lines = out.toString().lines().toList();
    int statements = analyzer.analyze(new Document("x", ARTICLE)).size();
    assertEquals(statements, lines.size());
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode o = json.readTree(line);
      int start = o.get("start").asInt();
      int end = o.get("end").asInt();
      assertEquals(ARTICLE.substring(start, end), o.get("text").asText());
      assertTrue(o.has("sentence") && o.get("positions").isArray() && o.has("speaker"));
      for (JsonNode p : o.get("positions")) {
        assertTrue(p.get("label").isTextual() && p.get("score").isNumber()
            && p.get("targets").isArray());
      }
    }
    JsonNode first = json.readTree(lines.get(0));
    assertEquals("Azerbaijan", first.get("speaker").get("mention").asText());
    assertEquals("AZE", first.get("speaker").get("actor").get("id").asText());
    assertEquals("state", first.get("speaker").get("actor").get("kind").asText());
    assertEquals("[\"AZE\"]", first.get("speaker").get("actors").toString());
    assertTrue(json.readTree(lines.get(lines.size() - 1)).get("speaker").isNull());
    assertTrue(first.get("speaker").get("reportedBy").isNull(), "reported directly");
  }

  @Test
  void jsonlNamesTheReporterOfWordsReportedInsideAReport() throws IOException {
    Path file = dir.resolve("nested.txt");
    Files.writeString(file, "The Kremlin said Russian President Vladimir Putin had told his"
        + " guest that Ukraine must withdraw.");
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand(model -> analyzer));
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--format", "jsonl", file.toString()));
    JsonNode speaker = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow())
        .get("speaker");
    assertEquals("Russian President Vladimir Putin", speaker.get("mention").asText());
    assertEquals("The Kremlin", speaker.get("reportedBy").get("mention").asText());
    assertEquals("[\"RUS\"]", speaker.get("reportedBy").get("actors").toString());
  }

  @Test
  void tableShowsSpeakersAndShortenedStatements() throws IOException {
    Path file = dir.resolve("article.txt");
    Files.writeString(file, ARTICLE);
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand(model -> analyzer));
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute(file.toString()));
    List<String> rows = out.toString().lines().toList();
    assertEquals(analyzer.analyze(new Document("x", ARTICLE)).size() + 1, rows.size());
    assertTrue(rows.get(2).contains("Azerbaijani President Ilham") && rows.get(2).contains("[AZE]"),
        rows.get(2));
    assertTrue(rows.stream().allMatch(l -> l.length() <= 160), "rows are shortened: " + rows);
  }

  @Test
  void missingFileExitsWithInputErrorAndOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String missing = dir.resolve("nope.txt").toString();
    int code = Main.run(new String[] {"analyze", missing}, new PrintWriter(out),
        new PrintWriter(err));
    assertEquals(Main.EXIT_INPUT, code);
    assertEquals(List.of("demarche: " + missing + ": no such file"), err.toString().lines().toList());
  }

  @Test
  void invalidUtf8IsReportedWithItsLineAndColumn() throws IOException {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, new byte[] {'O', 'k', '.', '\n', '\n', 'I', 'r', 'a', 'n', ' ', (byte) 0xE9, 't', 'a', 't'});
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"analyze", file.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(Main.EXIT_INPUT, code);
    assertEquals(List.of("demarche: " + file + ":3: is not valid UTF-8 (bad byte at column 6 of the line)"),
        err.toString().lines().toList());
  }
}
