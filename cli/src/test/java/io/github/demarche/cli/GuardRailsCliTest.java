package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line warns data scientists about mistakes in their data and calls. */
class GuardRailsCliTest {
  @TempDir Path dir;

  private static final String[][] TEXTS = {
    {"FAVOR", "We should build it, it will help everyone and bring jobs"},
    {"AGAINST", "This is a terrible idea that will waste money and harm people"},
  };

  /** Records for two labels, {@code perLabel} each, plus extra lines. */
  private Path data(String name, int perLabel, boolean source, String... extra) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < perLabel; i++) {
      for (String[] t : TEXTS) {
        lines.add("{\"text\": \"" + t[1] + " " + i + "\", \"label\": \"" + t[0] + "\""
            + (source ? ", \"source\": \"doc" + i + "\"" : "") + "}");
      }
    }
    lines.addAll(List.of(extra));
    Path p = dir.resolve(name);
    Files.write(p, lines);
    return p;
  }

  @Test
  void trainWarnsAboutATypoLabelAndDevLabelsItNeverSaw() throws Exception {
    Path train = data("train.jsonl", 12, true,
        "{\"text\": \"We should build it now\", \"label\": \"FAVR\", \"source\": \"x\"}");
    Path dev = data("dev.jsonl", 2, true,
        "{\"text\": \"No opinion on it\", \"label\": \"NEUTRAL\"}");
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", train.toString(), "--dev",
        dev.toString(), "--out", dir.resolve("m.dmm").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("label 'FAVR' (1 example) is within 1 letter(s) of 'FAVOR' (12"
        + " examples)"), r.err());
    assertTrue(r.err().contains(dev + ": 1 label(s) never seen in the training data, counted as"
        + " misses: 'NEUTRAL' (1 example)"), r.err());
  }

  @Test
  void crossValidationWithoutSourceSaysItFallsBackToRandomFolds() throws Exception {
    Path train = data("train.jsonl", 10, false);
    CliBadInputTest.Run r = CliBadInputTest.run("eval", "--data", train.toString(), "--folds", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("no record has a 'source'") && r.err().contains("random folds"),
        r.err());
    Path grouped = data("grouped.jsonl", 10, true);
    r = CliBadInputTest.run("eval", "--data", grouped.toString(), "--folds", "2");
    assertFalse(r.err().contains("warning"), r.err());
  }

  @Test
  void analyzeRefusesJsonLinesGivenAsAnArticle() throws Exception {
    Path docs = dir.resolve("docs.jsonl");
    Files.writeString(docs, "{\"id\": \"a\", \"text\": \"Russia said it was ready to talk.\"}\n");
    CliBadInputTest.Run r = CliBadInputTest.run("analyze", docs.toString());
    assertEquals(Main.EXIT_INPUT, r.code());
    assertTrue(r.err().strip().startsWith("demarche: " + docs + ": looks like JSON Lines")
        && r.err().contains("--input-format jsonl") && r.err().strip().lines().count() == 1,
        r.err());
    assertEquals("", r.out());
    CliBadInputTest.Run asDocs = CliBadInputTest.run("analyze", "--input-format", "jsonl",
        "--format", "jsonl", docs.toString());
    assertEquals(0, asDocs.code(), asDocs.err());
    assertTrue(asDocs.out().contains("\"document\":\"a\""), asDocs.out());
  }

  @Test
  void theModelCardNamesItsFilesPrintsCountsAsIntegersAndTakesTheIntendedUse() throws Exception {
    Path train = data("train.jsonl", 8, true);
    Path dev = data("dev.jsonl", 5, true);
    Path model = dir.resolve("uniforms.dmm");
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", train.toString(), "--dev",
        dev.toString(), "--out", model.toString());
    assertEquals(0, r.code(), r.err());
    String card = Files.readString(dir.resolve("uniforms.card.md"));
    assertTrue(card.contains("- training files: " + train), card);
    assertTrue(card.contains("- dev file: " + dev), card);
    assertTrue(card.contains("- dev.n: 10\n"), card);
    assertFalse(card.contains("diplomatic"), "not the bundled taxonomy: " + card);
    assertTrue(card.contains("did not state an intended use"), card);

    r = CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString(),
        "--intended-use", "sorting letters to the editor about school uniforms");
    assertEquals(0, r.code(), r.err());
    card = Files.readString(dir.resolve("uniforms.card.md"));
    assertTrue(card.contains("- For: sorting letters to the editor about school uniforms\n"), card);
    assertTrue(card.contains("- dev file: none"), card);
  }
}
