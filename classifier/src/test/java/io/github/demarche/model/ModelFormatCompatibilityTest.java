package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.api.StanceInput;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Model files written by format version 1 must keep loading and scoring as they did. */
class ModelFormatCompatibilityTest {

  @Test
  void formatVersion1FixtureLoadsAndScoresAsWhenWritten() throws Exception {
    StanceModel model;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/model-format-v1.dmm")) {
      model = ModelFile.read("model-format-v1.dmm", in);
    }
    JsonNode rows;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/model-format-v1.scores.json")) {
      rows = new ObjectMapper().readTree(in);
    }
    assertEquals(20, rows.size());
    for (JsonNode row : rows) {
      double[] expected = new double[row.get("scores").size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = row.get("scores").get(i).asDouble();
      }
      assertArrayEquals(expected, model.scoreArray(StanceInput.of(row.get("text").asText())), 1e-12,
          row.get("text").asText());
    }
  }
}
