package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.encoder.EncoderModelFile;
import io.github.demarche.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentence-encoder family through the command line: chosen explicitly at training time, and
 * recognised from the model file by every command that reads one.
 */
class EncoderFamilyCliTest {
  @TempDir static Path dir;
  private static Path data;
  private static Path model;
  private static CliBadInputTest.Run trained;

  @BeforeAll
  static void trainASmallEncoderModel() throws Exception {
    List<String> lines = Files.readAllLines(Corpus.train()).subList(0, 200);
    data = Files.write(dir.resolve("small.jsonl"), lines);
    model = dir.resolve("encoder.dmm");
    trained = CliBadInputTest.run("train", "--family", "encoder", "--data", data.toString(),
        "--out", model.toString());
  }

  @Test
  void trainWithFamilyEncoderWritesAnEncoderModelAndACardNamingTheEncoder() throws Exception {
    assertEquals(0, trained.code(), trained.err());
    assertTrue(EncoderModelFile.isEncoderModel(model));
    String card = Files.readString(dir.resolve("encoder.card.md"));
    assertTrue(card.contains("all-minilm-l6-v2-q") && card.contains("weights SHA-256"), card);
    assertTrue(trained.err().contains("encoder: embedded 200 statements"), trained.err());
  }

  @Test
  void classifyReadsTheFamilyFromTheModelFile() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"),
        "{\"text\":\"We call on NATO to step up patrols in the Baltic.\"}\n"
            + "{\"text\":\"Azerbaijan accused Armenia of shelling its positions.\"}\n");
    CliBadInputTest.Run r = CliBadInputTest.run("classify", "--model", model.toString(),
        in.toString());
    assertEquals(0, r.code(), r.err());
    List<String> out = r.out().strip().lines().toList();
    assertEquals(2, out.size(), r.out());
    JsonNode first = new ObjectMapper().readTree(out.get(1));
    assertFalse(first.get("positions").isEmpty());
  }

  @Test
  void evalTakesAnEncoderModelFile() {
    CliBadInputTest.Run r = CliBadInputTest.run("eval", "--model", model.toString(), "--data",
        data.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"macro_f1\""), r.out());
  }

  @Test
  void explainingAnEncoderModelIsRefusedInOneLine() throws Exception {
    Path in = Files.writeString(dir.resolve("one.jsonl"), "{\"text\":\"We call on NATO.\"}\n");
    CliBadInputTest.Run r = CliBadInputTest.run("classify", "--model", model.toString(),
        "--explain", "3", in.toString());
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("is a sentence-encoder model"), r.err());
  }

  @Test
  void stackSettingsWithoutFamilyEncoderAreRefused() {
    CliBadInputTest.Run r = CliBadInputTest.run("train", "--data", data.toString(), "--out",
        dir.resolve("lexical.dmm").toString(), "--set", "stack.lambda=10");
    assertEquals(Main.EXIT_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("are for --family encoder"), r.err());
  }
}
