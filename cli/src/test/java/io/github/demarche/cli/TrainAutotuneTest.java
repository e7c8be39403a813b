package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --autotune}: the trials on stderr and in the model card, within the limit. */
class TrainAutotuneTest {
  @TempDir Path dir;

  private Path data() throws IOException {
    StringBuilder sb = new StringBuilder();
    String[] favour = {"We welcome the talks.", "A wise and fine step.", "We applaud the deal."};
    String[] against = {"We condemn the attack.", "A foolish and awful move.", "We reject it."};
    for (int i = 0; i < 60; i++) {
      boolean f = i % 2 == 0;
      sb.append(String.format("{\"id\":\"s%d\",\"text\":\"%s\",\"label\":\"%s\",\"source\":\"d%d\"}%n",
          i, (f ? favour : against)[i % 3], f ? "FAVOR" : "AGAINST", i / 3));
    }
    return Files.writeString(dir.resolve("d.jsonl"), sb.toString());
  }

  @Test
  void everyTrialIsReportedOnStderrAndInTheCardWithinTheTrialLimit() throws IOException {
    Path out = dir.resolve("m.dmm");
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", data().toString(), "--out",
        out.toString(), "--autotune", "--trials", "3", "--tune-folds", "3",
        "--tune-labels", "FAVOR,AGAINST");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("| trial | change |"), r.err());
    assertTrue(r.err().contains("stopped: trial limit (3) reached"), r.err());
    String card = Files.readString(dir.resolve("m.card.md"));
    assertTrue(card.contains("## Autotuning"), card);
    long rows = card.lines().filter(l -> l.matches("\\| [0-9]+ \\|.*")).count();
    assertEquals(3, rows, card);
    assertTrue(card.contains("| best |"), card);
  }

  @Test
  void aBudgetThatIsNotPositiveIsAUsageError() throws IOException {
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", data().toString(), "--out",
        dir.resolve("m.dmm").toString(), "--autotune", "--budget", "0");
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertEquals("demarche: --autotune: the time budget must be positive, was 0.0",
        r.err().strip());
  }

  @Test
  void aTunedLabelTheDataDoesNotHaveIsAUsageError() throws IOException {
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", data().toString(), "--out",
        dir.resolve("m.dmm").toString(), "--autotune", "--tune-labels", "FAVOR,NONE");
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertEquals("demarche: --tune-labels: no training record has the label 'NONE'; labels:"
        + " [AGAINST, FAVOR]", r.err().strip());
  }
}
