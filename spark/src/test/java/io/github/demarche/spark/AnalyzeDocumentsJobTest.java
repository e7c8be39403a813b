package io.github.demarche.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.Demarche;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import io.github.demarche.model.ModelFile;
import io.github.demarche.output.StatementJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the job in local mode on the corpus documents and compares it with the plain analyzer. */
class AnalyzeDocumentsJobTest {
  private static final Path CORPUS_DOCUMENTS =
      Path.of(System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements"),
          "documents.jsonl");
  private static SparkSession spark;
  private static List<Document> documents;
  /** What the plain analyzer finds in each document, in order: computed once. */
  private static Map<Document, List<Statement>> plainStatements;
  @TempDir static Path dir;
  private static Path input;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("demarche-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    // the corpus documents under new ids, without the annotation fields
    ObjectMapper json = new ObjectMapper();
    documents = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (String line : Files.readAllLines(CORPUS_DOCUMENTS)) {
      JsonNode o = json.readTree(line);
      Document d = new Document("news-" + o.get("doc_id").asText(), o.get("text").asText());
      documents.add(d);
      lines.append(json.createObjectNode().put("doc_id", d.id()).put("text", d.text()))
          .append('\n');
    }
    input = dir.resolve("documents.jsonl");
    Files.writeString(input, lines);
    plainStatements = new java.util.LinkedHashMap<>();
    documents.forEach(d -> plainStatements.put(d, Demarche.analyzer().analyze(d)));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** doc, sentence, start, speaker, actor, labels: what must agree between the two routes. */
  private static String key(String doc, int sentence, int start, String speaker, String actor,
      List<String> labels) {
    return String.join("|", doc, Integer.toString(sentence), Integer.toString(start),
        String.valueOf(speaker), String.valueOf(actor), String.join(",", labels));
  }

  private static List<String> expected() {
    List<String> keys = new ArrayList<>();
    for (Document d : documents) {
      for (Statement s : plainStatements.get(d)) {
        keys.add(key(d.id(), s.sentence(), s.start(),
            s.speakerIfAny().map(sp -> sp.mention()).orElse(null),
            s.speakerIfAny().flatMap(sp -> sp.actorIfAny()).map(a -> a.id()).orElse(null),
            s.positions().stream().map(p -> p.label()).toList()));
      }
    }
    return keys.stream().sorted().toList();
  }

  private static List<String> actual(Dataset<Row> statements) {
    return statements.collectAsList().stream().map(r -> {
      Row sp = r.getAs("speaker");
      Row actor = sp == null ? null : sp.getAs("actor");
      return key(r.getAs("document"), r.getAs("sentence"), r.getAs("start"),
          sp == null ? null : sp.getAs("mention"), actor == null ? null : actor.getAs("id"),
          r.<Row>getList(r.fieldIndex("positions")).stream().map(p -> p.<String>getAs("label"))
              .toList());
    }).sorted().toList();
  }

  @Test
  void findsTheStatementsSpeakersAndPositionsThePlainAnalyzerFinds() {
    Dataset<Row> docs = AnalyzeDocumentsJob.read(spark, input.toString()).repartition(4);
    List<String> fromSpark = actual(AnalyzeDocumentsJob.analyze(docs, "default"));
    List<String> plain = expected();
    assertTrue(plain.size() > 50, "too few statements to compare: " + plain.size());
    assertEquals(plain.size(), fromSpark.size());
    assertEquals(plain, fromSpark);
  }

  @Test
  void loadsAModelOncePerExecutorNotOncePerRecord() throws Exception {
    Path model = dir.resolve("copy-of-default.dmm");
    ModelFile.write(Demarche.defaultModel(), model);
    int before = AnalyzerHolder.loads();
    Dataset<Row> docs = AnalyzeDocumentsJob.read(spark, input.toString()).repartition(4);
    long rows = AnalyzeDocumentsJob.analyze(docs, model.toString()).count();
    assertEquals(expected().size(), rows);
    // local mode: the driver is the only executor; 4 partitions, 17 documents, one load
    assertEquals(before + 1, AnalyzerHolder.loads());
  }

  @Test
  void writesParquetAndSummarisesPositionsByActor() {
    String out = dir.resolve("statements.parquet").toString();
    Dataset<Row> statements = AnalyzeDocumentsJob.run(spark, input.toString(), out, "default");
    Dataset<Row> back = spark.read().parquet(out);
    assertEquals(statements.count(), back.count());
    assertEquals(AnalyzeDocumentsJob.STATEMENT.fieldNames().length, back.columns().length);

    // positions by actor and label, counted from the plain analyzer's statements
    Map<String, Map<String, Long>> plain = new TreeMap<>();
    for (Document d : documents) {
      for (Statement s : plainStatements.get(d)) {
        String actor = s.speakerIfAny().flatMap(sp -> sp.actorIfAny()).map(a -> a.id())
            .orElse("-");
        s.positions().forEach(p -> plain.computeIfAbsent(actor, k -> new TreeMap<>())
            .merge(p.label(), 1L, Long::sum));
      }
    }
    Map<String, Map<String, Long>> summarised = new TreeMap<>();
    Dataset<Row> summary = AnalyzeDocumentsJob.summary(back);
    for (Row r : summary.collectAsList()) {
      for (String label : summary.columns()) {
        if (!label.startsWith("actor_") && r.<Long>getAs(label) > 0) {
          summarised.computeIfAbsent(r.getAs("actor_id"), k -> new TreeMap<>())
              .put(label, r.<Long>getAs(label));
        }
      }
    }
    assertTrue(plain.size() > 3, plain::toString);
    assertEquals(plain, summarised);
  }

  @Test
  void writesJsonLinesLineForLineAsAnalyzeFormatJsonlDoes() throws Exception {
    Path out = dir.resolve("statements.jsonl");
    AnalyzeDocumentsJob.run(spark, input.toString(), out.toString(), "default");
    List<String> fromSpark = new ArrayList<>();
    try (var parts = Files.list(out)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        fromSpark.addAll(Files.readAllLines(part));
      }
    }
    List<String> plain = new ArrayList<>();
    plainStatements.forEach((d, statements) -> statements
        .forEach(s -> plain.add(StatementJson.line(d.id(), s))));
    assertTrue(plain.stream().anyMatch(l -> l.contains("\"speaker\":null")));
    List<String> expected = plain.stream().sorted().toList();
    List<String> actual = fromSpark.stream().sorted().toList();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "line " + i + " of the sorted output");
    }
    assertEquals(expected.size(), actual.size(), "statements written");
  }

  @Test
  void inputWithoutTextIsRefusedNamingTheColumns() throws Exception {
    Path bad = dir.resolve("no-text.jsonl");
    Files.writeString(bad, "{\"id\": \"a\", \"body\": \"Russia condemned the strike.\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnalyzeDocumentsJob.read(spark, bad.toString()));
    assertTrue(e.getMessage().contains("'text'") && e.getMessage().contains("body"),
        e.getMessage());
  }

  @Test
  void aDocumentWithoutTextFailsTheJobNamingTheDocument() throws Exception {
    Path bad = dir.resolve("null-text.jsonl");
    Files.writeString(bad, "{\"id\": \"ok\", \"text\": \"Armenia denied the accusation.\"}\n"
        + "{\"id\": \"empty-7\", \"text\": null}\n");
    Dataset<Row> statements = AnalyzeDocumentsJob.analyze(
        AnalyzeDocumentsJob.read(spark, bad.toString()), "default");
    Exception e = assertThrows(Exception.class, statements::count);
    assertTrue(String.valueOf(e.getMessage()).contains("document 'empty-7' has no text"),
        e::getMessage);
  }

  @Test
  void anOutputThatIsTheInputIsRefusedBeforeAnythingIsDeleted() throws Exception {
    Path docs = dir.resolve("same.jsonl");
    String content = "{\"id\": \"a\", \"text\": \"Armenia denied the accusation.\"}\n";
    Files.writeString(docs, content);
    for (String output : new String[] {docs.toString(), "file:" + docs, docs + "/"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AnalyzeDocumentsJob.run(spark, docs.toString(), output, "default"));
      assertTrue(e.getMessage().contains("is the input"), e.getMessage());
      assertEquals(content, Files.readString(docs));
    }
  }
}
