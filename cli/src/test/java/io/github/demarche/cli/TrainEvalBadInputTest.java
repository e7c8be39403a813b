package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and eval: settings files, output paths and joined data files that cannot be used. */
class TrainEvalBadInputTest {
  @TempDir Path dir;

  private Path tinyData() throws IOException {
    return Files.writeString(dir.resolve("d.jsonl"),
        "{\"id\":\"a\",\"text\":\"We condemn the attack.\",\"label\":\"against\"}\n"
            + "{\"id\":\"b\",\"text\":\"We welcome the talks.\",\"label\":\"for\"}\n"
            + "{\"id\":\"c\",\"text\":\"They condemned the shelling.\",\"label\":\"against\"}\n"
            + "{\"id\":\"d\",\"text\":\"They welcomed the truce.\",\"label\":\"for\"}\n");
  }

  private static void oneLine(CliBadInputTest.Run r, String expected) {
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    // warnings about the data (rare labels here) may come first; the error is one line
    assertEquals("demarche: " + expected, r.err().strip().lines()
        .filter(l -> !l.startsWith("demarche: warning: ")).collect(java.util.stream.Collectors.joining("\n")));
  }

  @Test
  void aModelPathThatIsADirectoryIsAnInputError() throws IOException {
    Path data = tinyData();
    Path out = Files.createDirectory(dir.resolve("out"));
    oneLine(CliBadInputTest.run("train", "--data", data.toString(), "--out", out.toString()),
        "cannot write the model to " + out + ": Is a directory");
  }

  @Test
  void settingsFilesThatAreDirectoriesOrMalformedAreNamed() throws IOException {
    Path data = tinyData();
    String out = dir.resolve("m.dmm").toString();
    oneLine(CliBadInputTest.run("train", "--data", data.toString(), "--out", out, "--config", dir.toString()),
        dir + ": is a directory, not a settings file");
    Path bad = Files.writeString(dir.resolve("bad.properties"), "train.lambda=\\uZZZZ\n");
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", data.toString(), "--out", out, "--config", bad.toString());
    assertEquals(Main.EXIT_INPUT, r.code());
    assertTrue(r.err().startsWith("demarche: " + bad + ": not a valid .properties file: Malformed"), r.err());
  }

  @Test
  void theSameDataFileGivenTwiceIsRefused() throws IOException {
    Path data = tinyData();
    oneLine(CliBadInputTest.run("eval", "--data", data.toString(), "--data", data.toString()),
        data + ": is given twice (also as " + data + "); its records would count twice");
  }

  @Test
  void devDataThatIsTrainingDataIsRefused() throws IOException {
    Path data = tinyData();
    String out = dir.resolve("m.dmm").toString();
    oneLine(CliBadInputTest.run("train", "--data", data.toString(), "--dev", data.toString(), "--out", out),
        "--dev " + data + " is also training data (--data); its figures would not be held-out figures");
  }

  @Test
  void aModelPathInsideAFileIsRefusedBeforeTraining() throws IOException {
    Path data = tinyData();
    Path out = data.resolve("m.dmm");
    oneLine(CliBadInputTest.run("train", "--data", data.toString(), "--out", out.toString()),
        "cannot write the model to " + out + ": " + data + " is a file, not a directory");
  }

  @Test
  void optionsThatCannotWorkAreRefusedBeforeAnyWork() throws IOException {
    Path data = tinyData();
    oneLine(CliBadInputTest.run("train", "--data", data.toString(), "--out",
        dir.resolve("m.dmm").toString(), "--cv", "1"), "--cv must be 0 or at least 2, was 1");
    org.junit.jupiter.api.Assertions.assertFalse(Files.exists(dir.resolve("m.dmm")));
    oneLine(CliBadInputTest.run("eval", "--model", "default", "--folds", "2", "--data", data.toString()),
        "--model and --folds exclude each other: --folds cross-validates models trained on the"
            + " data, --model evaluates a trained model");
    oneLine(CliBadInputTest.run("eval", "--seed", "3", "--data", data.toString()),
        "--seed needs --folds (it seeds the fold assignment)");
  }

  @Test
  void fileNamesWithLineBreaksOrEscapesStayOneLineInErrors() {
    String name = dir.resolve("a\nb\u001b[31m.txt").toString();
    for (String[] args : new String[][] {{"analyze", name}, {"eval", "--data", name},
        {"eval", "--model", name, "--data", name}}) {
      CliBadInputTest.Run r = CliBadInputTest.run(args);
      assertEquals(Main.EXIT_INPUT, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("a\\u000Ab\\u001B[31m.txt: no such file"), r.err());
    }
  }

  @Test
  void crossValidationTakesTrainingSettingsAndRefusesStackSettingsWithoutTheEncoderFamily()
      throws IOException {
    Path data = tinyData();
    CliBadInputTest.Run r = CliBadInputTest.run("eval", "--data", data.toString(), "--folds", "2",
        "--set", "stack.lambda=10");
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("[stack.lambda] are for --family encoder"), r.err());
    CliBadInputTest.Run unknown = CliBadInputTest.run("eval", "--data", data.toString(), "--folds",
        "2", "--set", "train.lambada=1");
    assertEquals(Main.EXIT_INPUT, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("unknown training setting 'train.lambada'"), unknown.err());
  }
}
