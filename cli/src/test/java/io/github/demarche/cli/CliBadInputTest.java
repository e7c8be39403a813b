package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one line naming the file, the line and the problem; never a stack trace. */
class CliBadInputTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static void assertOneLineError(Run r, String... fragments) {
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, "expected one line, got: " + r.err());
    for (String f : fragments) {
      assertTrue(lines[0].contains(f), "'" + f + "' not in: " + lines[0]);
    }
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.jsonl");
    assertOneLineError(run("train", "--data", missing.toString(), "--out", dir.resolve("m").toString()),
        missing.toString(), "no such file");
  }

  @Test
  void lineThatIsNotJson() throws Exception {
    Path f = write("t.jsonl", "{\"text\":\"a\",\"labels\":[\"x\"]}\nnot json\n");
    assertOneLineError(run("train", "--data", f.toString(), "--out", dir.resolve("m").toString()),
        f + ":2:", "not valid JSON");
  }

  @Test
  void recordWithoutText() throws Exception {
    Path f = write("t.jsonl", "{\"labels\":[\"x\"]}\n");
    assertOneLineError(run("eval", "--data", f.toString()), f + ":1:", "'text'", "missing");
  }

  @Test
  void labelsOfTheWrongType() throws Exception {
    Path f = write("t.jsonl", "{\"text\":\"a\",\"labels\":{\"x\":1}}\n");
    assertOneLineError(run("train", "--data", f.toString(), "--out", dir.resolve("m").toString()),
        f + ":1:", "'labels'", "array");
  }

  @Test
  void emptyTrainingFile() throws Exception {
    Path f = write("t.jsonl", "");
    assertOneLineError(run("train", "--data", f.toString(), "--out", dir.resolve("m").toString()),
        f.toString(), "no records");
  }

  @Test
  void fileThatIsNotAModel() throws Exception {
    Path notModel = write("model.dmm", "{\"hello\": 1}\n");
    Path data = write("d.jsonl", "{\"text\":\"a\"}\n");
    assertOneLineError(run("classify", "--model", notModel.toString(), data.toString()),
        notModel.toString(), "not a Demarche model file");
  }

  @Test
  void classifyPrintsTheInputObjectWithPositionsBestFirst() throws Exception {
    Path data = write("d.jsonl", "{\"id\":\"q1\",\"text\":\"We call on both sides to exercise restraint.\"}\n");
    Run r = run("classify", data.toString());
    assertEquals(0, r.code(), r.err());
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("q1", node.get("id").asText());
    var positions = node.get("positions");
    assertTrue(positions.size() >= 1);
    assertEquals("de_escalation", positions.get(0).get("label").asText(), r.out());
    for (int i = 1; i < positions.size(); i++) {
      assertTrue(positions.get(i - 1).get("score").asDouble() >= positions.get(i).get("score").asDouble());
    }
  }
}
