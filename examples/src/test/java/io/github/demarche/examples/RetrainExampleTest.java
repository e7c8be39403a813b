package io.github.demarche.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.model.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainExampleTest {
  private static final String DATA = "data/stance-targets.jsonl";
  private static final String NEW = "data/stance-targets-new.jsonl";

  @Test
  void datasetHasTargetsSourcesAndABalancedCustomLabelSet() {
    List<Example> examples = Datasets.read(DATA);
    assertTrue(examples.size() >= 150 && examples.size() <= 300, "size " + examples.size());
    assertTrue(examples.stream().allMatch(e -> e.target() != null && e.group() != null));
    assertEquals(Set.of("FAVOR", "AGAINST", "NEUTRAL"),
        examples.stream().flatMap(e -> e.labels().stream()).collect(Collectors.toSet()));
    assertEquals(4, examples.stream().map(Example::target).distinct().count());
    assertEquals(examples.size(), examples.stream().map(Example::text).distinct().count(),
        "a sentence appears twice");
  }

  @Test
  void crossValidatesSavesReloadsAndClassifiesWithTheCustomLabels(@TempDir Path dir)
      throws Exception {
    Path modelFile = dir.resolve("stance.dmm");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RetrainExample.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = RetrainExample.run(DATA, modelFile, NEW, out);
    }
    String report = bytes.toString(StandardCharsets.UTF_8);
    List<Example> examples = Datasets.read(DATA);

    assertEquals(examples.size(), outcome.crossValidation().n());
    // three balanced classes, so chance is about 0.33; 0.586 when this was written (seeded, so
    // a fall below 0.5 means training or features changed, not luck)
    assertTrue(outcome.crossValidation().macroF1() > 0.5,
        "macro-F1 " + outcome.crossValidation().macroF1() + "\n" + report);
    assertEquals(List.of("AGAINST", "FAVOR", "NEUTRAL"), outcome.reloaded().taxonomy().names());

    // the reloaded model is the trained one, byte for byte and score for score
    assertArrayEquals(Files.readAllBytes(modelFile), ModelFile.toBytes(outcome.trained()));
    for (Example e : examples) {
      StanceInput in = new StanceInput(e.text(), e.target());
      assertArrayEquals(outcome.trained().scoreArray(in), outcome.reloaded().scoreArray(in), 0.0);
    }
    List<String> fresh = Files.readAllLines(Path.of(NEW));
    assertEquals(fresh.size(), outcome.classified().size());
    for (RetrainExample.Classified c : outcome.classified()) {
      assertTrue(fresh.stream().anyMatch(l -> l.contains(c.input().text())), c.toString());
      var positions = outcome.reloaded().classify(c.input());
      String label = positions.isEmpty() ? "-" : positions.get(0).label();
      assertEquals(label, c.best() == null ? "-" : c.best().label());
      assertTrue(report.contains(label + " ") && report.contains(c.input().text()), report);
    }
    assertTrue(report.contains("macro-F1"), report);
  }

  @Test
  void withoutNewStatementsItClassifiesRecordsOfTheUsersOwnDataAndWarnsAboutTypos(@TempDir Path dir)
      throws Exception {
    StringBuilder lines = new StringBuilder();
    String[] pro = {"uniforms save parents money", "uniforms stop bullying over clothes",
        "uniforms make mornings simple", "uniforms build school pride"};
    String[] con = {"uniforms cost too much", "uniforms stifle self expression",
        "uniforms are uncomfortable in summer", "uniforms teach conformity"};
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 3; k++) {
        lines.append(String.format("{\"text\": \"%s %d\", \"label\": \"pro_uniform\", \"source\": \"p%d\"}%n", pro[i], k, i * 3 + k));
        lines.append(String.format("{\"text\": \"%s %d\", \"label\": \"anti_uniform\", \"source\": \"a%d\"}%n", con[i], k, i * 3 + k));
      }
    }
    lines.append("{\"text\": \"uniforms are fine\", \"label\": \"pro_unifrom\", \"source\": \"z\"}\n");
    Path data = Files.writeString(dir.resolve("uniforms.jsonl"), lines);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RetrainExample.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = RetrainExample.run(data.toString(), dir.resolve("u.dmm"), null, out);
    }
    String report = bytes.toString(StandardCharsets.UTF_8);
    List<Example> examples = Datasets.read(data.toString());
    // one record of the user's data per label, with its gold label
    assertEquals(List.of("pro_uniform", "anti_uniform", "pro_unifrom"),
        outcome.classified().stream().map(RetrainExample.Classified::gold).toList());
    for (RetrainExample.Classified c : outcome.classified()) {
      assertTrue(examples.stream().anyMatch(e -> e.text().equals(c.input().text())), c.toString());
      assertTrue(report.contains(c.input().text()), report);
    }
    assertTrue(report.contains("'pro_unifrom' (1 example) is within 2 letter(s) of 'pro_uniform'"),
        report);
  }

  @Test
  void aBadRecordIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("bad.jsonl");
    Files.writeString(data, "{\"text\": \"fine\", \"label\": \"FAVOR\"}\n{\"label\": \"AGAINST\"}\n");
    DataException e = assertThrows(DataException.class,
        () -> RetrainExample.run(data.toString(), dir.resolve("m.dmm"), null, System.out));
    assertEquals(2, e.line());
    assertEquals("text", e.field());
  }

  @Test
  void aModelPathThatIsTheTrainingDataIsRefusedAndTheDataKept(@TempDir Path dir) throws Exception {
    Path data = Files.writeString(dir.resolve("d.jsonl"),
        "{\"text\":\"We condemn it.\",\"label\":\"against\"}\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, RetrainExample.cli(new String[] {data.toString(), data.toString()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is the training data"));
    assertEquals("{\"text\":\"We condemn it.\",\"label\":\"against\"}\n",
        Files.readString(data));
  }
}
