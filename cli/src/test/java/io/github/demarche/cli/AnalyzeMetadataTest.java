package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.analyze.StatementAnalyzer;
import io.github.demarche.extract.ActorResolver;
import io.github.demarche.extract.NewsStatementExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeMetadataTest {
  private static final String KERRY = "Secretary Kerry said the attack on the embassy was"
      + " unacceptable and accused Russia of escalating the conflict.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StatementAnalyzer ANALYZER = new StatementAnalyzer(
      new NewsStatementExtractor(ActorResolver.of(ActorDictionary.defaults())),
      Demarche.defaultModel());

  @TempDir Path dir;

  private List<JsonNode> run(String... args) throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand(model -> ANALYZER));
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute(args));
    List<JsonNode> rows = new ArrayList<>();
    for (String line : out.toString().lines().toList()) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static List<String> error(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Main.EXIT_INPUT, code);
    return err.toString().lines().toList();
  }

  @Test
  void theDateOptionResolvesAPersonForTheRoleHeldThatDay() throws IOException {
    String file = write("kerry.txt", KERRY).toString();
    JsonNode in2014 = run("--format", "jsonl", "--date", "2014-09-13", file).get(0);
    assertEquals("USA", in2014.at("/speaker/actor/id").asText());
    assertEquals("USAGOV", in2014.at("/speaker/actor/cameo").asText());
    JsonNode in2020 = run("--format", "jsonl", "--date", "2020-06-01", file).get(0);
    assertTrue(in2020.at("/speaker/actor").isNull(), in2020.toString());
  }

  @Test
  void jsonlDocumentsCarryTheirOwnDateAndUrlAndTheIdStaysFree() throws IOException {
    String docs = write("docs.jsonl", "{\"id\":\"a\",\"date\":\"2014-09-13\",\"text\":\"" + KERRY
        + "\"}\n{\"id\":\"b\",\"url\":\"https://www.gov.uk/government/news/x\",\"text\":"
        + "\"The Prime Minister said the attack was unacceptable.\"}\n").toString();
    List<JsonNode> rows = run("--format", "jsonl", "--input-format", "jsonl", "--date",
        "2020-01-01", docs);
    assertEquals("a", rows.get(0).get("document").asText());
    assertEquals("USA", rows.get(0).at("/speaker/actor/id").asText(), "the field wins");
    assertEquals("b", rows.get(1).get("document").asText());
    assertEquals("GBR", rows.get(1).at("/speaker/actor/id").asText(), "publisher from the url");
  }

  @Test
  void thePublisherOptionNamesTheIssuerOfAReadout() throws IOException {
    String file = write("readout.txt", "The Prime Minister said the attack was unacceptable.")
        .toString();
    assertEquals("GBR", run("--format", "jsonl", "--publisher", "gov.uk", file).get(0)
        .at("/speaker/actor/id").asText());
    assertEquals("GBR", run("--format", "jsonl", "--url", "https://www.gov.uk/news/1", file)
        .get(0).at("/speaker/actor/id").asText());
  }

  @Test
  void csvRowsCarryTheSpeakersCameoCode() throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand(model -> ANALYZER));
    cl.setOut(new PrintWriter(out));
    String file = write("kerry.txt", KERRY).toString();
    assertEquals(0, cl.execute("--format", "csv", "--date", "2014-09-13", file));
    List<String> lines = out.toString().lines().toList();
    int column = List.of(lines.get(0).split(",")).indexOf("actor_cameo");
    assertEquals("USAGOV", lines.get(1).split(",")[column]);
  }

  @Test
  void csvRowsKeepPartiesThatResolveToNoActorInTheirOwnColumn() {
    io.github.demarche.domain.Document doc =
        new io.github.demarche.domain.Document("d", "Kyiv accused the Wagner Group of shelling.");
    io.github.demarche.domain.Statement s = io.github.demarche.domain.Statement.in(doc, 0, 42, 0,
        null).withPositions(List.of(new io.github.demarche.domain.Position("accusation", 0.7,
            List.of("RUS"), List.of("the Wagner Group", "Houthi militants"))));
    List<String> header = AnalyzeCommand.CSV_HEADER;
    String[] row = AnalyzeCommand.csvRow("d", s).split(",");
    assertEquals(header.size(), row.length);
    assertEquals("RUS", row[header.indexOf("targets")]);
    assertEquals("the Wagner Group/Houthi militants", row[header.indexOf("unresolved_targets")]);
  }

  @Test
  void eventsFormatPrintsOneRecordPerActorPositionAndTargetWithTheDocumentDate()
      throws IOException {
    String file = write("kerry.txt", KERRY).toString();
    List<JsonNode> events = run("--format", "events", "--date", "2014-09-13", "--url",
        "https://www.state.gov/x", file);
    assertTrue(!events.isEmpty());
    for (JsonNode e : events) {
      assertEquals("USA", e.get("source_actor").asText());
      assertEquals("USAGOV", e.get("source_cameo").asText());
      assertEquals("2014-09-13", e.get("event_date").asText());
      assertEquals("https://www.state.gov/x", e.get("url").asText());
      assertEquals(KERRY.substring(e.get("start").asInt(), e.get("end").asInt()),
          e.get("text").asText());
      assertTrue(e.has("cameo_code") && e.has("plover_type") && e.has("target_cameo"));
    }
  }

  @Test
  void aBadDateOptionOrFieldIsAnErrorNamingWhere() throws IOException {
    String file = write("kerry.txt", KERRY).toString();
    assertEquals(List.of("demarche: --date: '2014-13-01' is not a date of the form YYYY-MM-DD"),
        error("analyze", "--date", "2014-13-01", file));
    String docs = write("docs.jsonl", "{\"text\":\"" + KERRY + "\"}\n{\"date\":\"yesterday\","
        + "\"text\":\"" + KERRY + "\"}\n").toString();
    assertEquals(List.of("demarche: " + docs + ":2: field 'date' 'yesterday' is not a date of the"
        + " form YYYY-MM-DD"), error("analyze", "--input-format", "jsonl", docs));
    String numeric = write("num.jsonl", "{\"date\":20140913,\"text\":\"x\"}\n").toString();
    assertTrue(error("analyze", "--input-format", "jsonl", numeric).get(0)
        .startsWith("demarche: " + numeric + ":1: field 'date' must be a string"));
  }
}
