package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval --documents measures every sentence of whole documents, --unseen-by leaves out the
 * documents of sources a training file has, and --set changes the cross-validated training.
 */
class EvalDocumentsCliTest {
  @TempDir Path dir;

  private Path documents() throws IOException {
    return Files.writeString(dir.resolve("documents.jsonl"),
        "{\"doc_id\":\"d1\",\"source\":\"https://seen.example/1\",\"sentences\":["
            + "{\"text\":\"Russia accused Ukraine of shelling the plant.\",\"labels\":[\"accusation\"]},"
            + "{\"text\":\"The talks were held in Geneva on Monday.\",\"labels\":[\"none\"]}]}\n"
            + "{\"doc_id\":\"d2\",\"source\":\"https://unseen.example/2\",\"sentences\":["
            + "{\"text\":\"We call on both sides to cease fire at once.\",\"labels\":[\"de_escalation\"]}]}\n");
  }

  private static JsonNode json(CliBadInputTest.Run r) throws IOException {
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void everySentenceOfTheDocumentsIsMeasured() throws IOException {
    JsonNode all = json(CliBadInputTest.run("eval", "--model", "default", "--json",
        "--documents", documents().toString()));
    assertEquals(3, all.get("n").asInt());
  }

  @Test
  void documentsFromSourcesOfTheTrainingDataAreLeftOut() throws IOException {
    Path train = Files.writeString(dir.resolve("train.jsonl"),
        "{\"text\":\"They shelled the town.\",\"labels\":[\"none\"],\"source\":\"https://seen.example/1\"}\n");
    JsonNode unseen = json(CliBadInputTest.run("eval", "--model", "default", "--json",
        "--documents", documents().toString(), "--unseen-by", train.toString()));
    assertEquals(1, unseen.get("n").asInt());
  }

  @Test
  void optionsThatCannotApplyAreRefused() throws IOException {
    Path docs = documents();
    CliBadInputTest.Run both = CliBadInputTest.run("eval", "--documents", docs.toString(),
        "--data", docs.toString());
    assertEquals(Main.EXIT_INPUT, both.code(), both.err());
    assertTrue(both.err().contains("--data or --documents (one of them)"), both.err());
    CliBadInputTest.Run unseen = CliBadInputTest.run("eval", "--data", docs.toString(),
        "--unseen-by", docs.toString());
    assertTrue(unseen.err().contains("--unseen-by needs --documents"), unseen.err());
    CliBadInputTest.Run set = CliBadInputTest.run("eval", "--documents", docs.toString(),
        "--set", "train.lambda=1");
    assertTrue(set.err().contains("--set needs --folds"), set.err());
    CliBadInputTest.Run unknown = CliBadInputTest.run("eval", "--documents", docs.toString(),
        "--folds", "2", "--set", "train.lamda=1");
    assertEquals(Main.EXIT_INPUT, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("unknown training setting 'train.lamda'"), unknown.err());
  }
}
