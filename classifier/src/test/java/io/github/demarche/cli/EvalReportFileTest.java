package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval --report never overwrites an input, and says so in one line. */
class EvalReportFileTest {
  @TempDir Path dir;

  @Test
  void aReportNamingTheDataFileIsRefusedAndTheDataIsUntouched() throws Exception {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      data.append("{\"text\": \"We condemn the attack ").append(i)
          .append("\", \"label\": \"accusation\", \"source\": \"s").append(i).append("\"}\n");
      data.append("{\"text\": \"We welcome the talks ").append(i)
          .append("\", \"label\": \"de_escalation\", \"source\": \"t").append(i).append("\"}\n");
    }
    Path file = Files.writeString(dir.resolve("d.jsonl"), data);
    CliBadInputTest.Run r = CliBadInputTest.run("eval", "--data", file.toString(), "--report",
        file.toString());
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(file + ": is an input of this run"), r.err());
    assertEquals(data.toString(), Files.readString(file));

    Path page = dir.resolve("r.html");
    r = CliBadInputTest.run("eval", "--data", file.toString(), "--report", page.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>"));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }
}
