package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval --report: the page carries the figures eval --json prints, never overwrites an input, and
 * says so in one line. (The page itself is checked in a browser by report.*BrowserTest.)
 */
class EvalReportFileTest {
  @TempDir Path dir;

  @Test
  void thePageOfTheCommandCarriesTheFiguresOfEvalJsonAndAnalyzeWritesAnHtmlPage() throws Exception {
    Path data = Path.of(System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements"),
        "dev.jsonl");
    Path page = dir.resolve("dev.html");
    // the default model is trained on train+dev, so dev statements are evaluated with a model
    // trained on train alone: held out, it makes the errors the page lists
    Path model = dir.resolve("train.dmm");
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data",
        data.resolveSibling("train.jsonl").toString(), "--out", model.toString());
    assertEquals(0, r.code(), r.err());
    r = CliBadInputTest.run("eval", "--model", model.toString(), "--data", data.toString(),
        "--json", "--report", page.toString());
    assertEquals(0, r.code(), r.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertFalse(json.has("errors"), "the page's worst errors do not leak into --json");
    String html = Files.readString(page);
    for (String key : List.of("n", "accuracy", "micro_f1", "macro_f1", "calibration_error")) {
      Matcher m = Pattern.compile("data-metric=\"" + key + "\" data-value=\"([^\"]+)\"")
          .matcher(html);
      assertTrue(m.find(), key);
      assertEquals(json.get(key).asDouble(), Double.parseDouble(m.group(1)), 1e-9, key);
    }
    assertEquals(10, Pattern.compile("class=\"err\"").matcher(html).results().count());

    Path article = Files.writeString(dir.resolve("a.txt"), "Russia urged both sides to show"
        + " restraint.\n\nThe talks resume on Monday.");
    r = CliBadInputTest.run("analyze", "--format", "html", article.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("<!DOCTYPE html>") && r.out().contains("data-actor=\"RUS\""),
        r.out());
  }

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
