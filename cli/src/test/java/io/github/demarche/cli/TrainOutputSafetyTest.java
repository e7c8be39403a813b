package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}: never overwrites an input, replaces model and card atomically, honours train.seed. */
class TrainOutputSafetyTest {
  @TempDir Path dir;

  private Path data(String name) throws IOException {
    StringBuilder sb = new StringBuilder();
    String[][] texts = {{"We condemn the attack on", "accusation"}, {"We welcome the talks with", "support"}};
    for (int i = 0; i < 12; i++) {
      String[] t = texts[i % 2];
      sb.append("{\"text\":\"").append(t[0]).append(" town ").append(i).append(".\",\"label\":\"")
          .append(t[1]).append("\"}\n");
    }
    return Files.writeString(dir.resolve(name), sb.toString());
  }

  private static void refused(CliBadInputTest.Run r, String... fragments) {
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), r.err());
    }
  }

  @Test
  void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws IOException {
    Path train = data("train.jsonl");
    Path dev = data("dev.jsonl");
    Path config = Files.writeString(dir.resolve("c.properties"), "train.lambda=1\n");
    byte[] trainBytes = Files.readAllBytes(train);
    refused(CliBadInputTest.run("train", "--data", train.toString(), "--out", train.toString()),
        "--out " + train + " is the input --data " + train);
    refused(CliBadInputTest.run("train", "--data", train.toString(), "--dev", dev.toString(),
        "--out", dev.toString()), "is the input --dev");
    refused(CliBadInputTest.run("train", "--data", train.toString(), "--config", config.toString(),
        "--out", config.toString()), "is the input --config");
    // the same file by another name
    refused(CliBadInputTest.run("train", "--data", train.toString(),
        "--out", dir.resolve("sub/../train.jsonl").toString()), "is the input --data");
    // a data file named like the card of the model
    Path cardNamed = data("m.card.md");
    refused(CliBadInputTest.run("train", "--data", cardNamed.toString(),
        "--out", dir.resolve("m.dmm").toString()), "the model card", "would overwrite the input --data");
    assertArrayEquals(trainBytes, Files.readAllBytes(train));
    assertArrayEquals(trainBytes, Files.readAllBytes(dev));
    assertArrayEquals(trainBytes, Files.readAllBytes(cardNamed));
    assertEquals("train.lambda=1\n", Files.readString(config));
    assertFalse(Files.exists(dir.resolve("m.dmm")));
  }

  @Test
  void aFailedWriteLeavesTheOldModelAndCardIntact() throws IOException {
    Path train = data("train.jsonl");
    Path model = dir.resolve("m.dmm");
    assertEquals(0, CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString()).code());
    byte[] old = Files.readAllBytes(model);
    // the card cannot be written (its path is now a directory): the new model must not land either
    Files.delete(dir.resolve("m.card.md"));
    Files.createDirectory(dir.resolve("m.card.md"));
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", train.toString(), "--seed", "5",
        "--out", model.toString());
    assertEquals(Main.EXIT_FAILURE, r.code(), r.err());
    assertEquals("demarche: cannot write the model to " + model + ": Is a directory", r.err().strip());
    assertArrayEquals(old, Files.readAllBytes(model));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(),
          "temporary files left behind");
    }
  }

  private String seedOf(Path model) {
    return ModelFile.read(model).provenance().hyperparameters().get("train.seed");
  }

  @Test
  void trainSeedFromSetOrConfigIsHonouredAndAnExplicitSeedWins() throws IOException {
    Path train = data("train.jsonl");
    Path model = dir.resolve("m.dmm");
    Path config = Files.writeString(dir.resolve("c.properties"), "train.seed=9\n");
    assertEquals(0, CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString(),
        "--set", "train.seed=7").code());
    assertEquals("7", seedOf(model));
    assertEquals(0, CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString(),
        "--config", config.toString()).code());
    assertEquals("9", seedOf(model));
    assertEquals(0, CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString(),
        "--config", config.toString(), "--seed", "11").code());
    assertEquals("11", seedOf(model));
    assertEquals(0, CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString()).code());
    assertEquals("20261127", seedOf(model));
    refused(CliBadInputTest.run("train", "--data", train.toString(), "--out", model.toString(),
        "--set", "train.seed=not-a-number"), "train.seed must be a whole number, was 'not-a-number'");
  }

  @Test
  void aSettingsValueIsQuotedAsOneSafeLine() throws IOException {
    Path train = data("train.jsonl");
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", train.toString(),
        "--out", dir.resolve("m.dmm").toString(), "--set", "train.lambda=\u001b[31m\nx");
    refused(r, "train.lambda must be a number, was '\\u001B[31m\\u000Ax'");
  }

  @Test
  void aSettingsFileThatSetsAKeyTwiceIsRefused() throws IOException {
    Path train = data("train.jsonl");
    Path config = Files.writeString(dir.resolve("c.properties"), "train.lambda=1\ntrain.lambda=2\n");
    refused(CliBadInputTest.run("train", "--data", train.toString(), "--out",
        dir.resolve("m.dmm").toString(), "--config", config.toString()),
        config + ": not a valid .properties file: sets 'train.lambda' twice");
  }
}
