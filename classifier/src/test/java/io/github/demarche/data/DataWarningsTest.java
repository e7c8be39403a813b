package io.github.demarche.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataWarningsTest {
  private static List<Example> data(Object... labelAndCount) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < labelAndCount.length; i += 2) {
      for (int k = 0; k < (Integer) labelAndCount[i + 1]; k++) {
        out.add(new Example(null, "t" + out.size(), List.of((String) labelAndCount[i]), null,
            "s" + out.size()));
      }
    }
    return out;
  }

  @Test
  void aTypoOfAFrequentLabelIsNamedWithBothCounts() {
    List<String> w = DataWarnings.labels("train.jsonl",
        data("protectionism", 40, "free_trade", 30, "protectionsim", 1));
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).contains("'protectionsim' (1 example)") && w.get(0).contains(
        "'protectionism' (40 examples)") && w.get(0).contains("within 2 letter"), w.get(0));
  }

  @Test
  void aLabelThatDiffersOnlyInCaseIsNamed() {
    List<String> w = DataWarnings.labels("d", data("concern", 20, "Concern", 12));
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).contains("'Concern' (12 examples) differs only in case from 'concern'"),
        w.get(0));
  }

  @Test
  void rareLabelsAreCountedAndWellFormedDataGivesNoWarning() {
    List<String> w = DataWarnings.labels("d", data("FAVOR", 30, "AGAINST", 30, "NONE", 3));
    assertEquals(List.of("d: label 'NONE' has only 3 examples (fewer than 5): its scores and"
        + " figures will be unreliable"), w);
    assertEquals(List.of(), DataWarnings.labels("d", data("FAVOR", 30, "AGAINST", 30, "NONE", 5)));
    // short labels one letter apart are not typos of each other
    assertEquals(List.of(), DataWarnings.labels("d", data("pro", 100, "pre", 6)));
  }

  @Test
  void devLabelsUnseenInTrainingAreCounted() {
    List<String> w = DataWarnings.unseenLabels("dev.jsonl", data("a", 5, "b", 5),
        data("a", 2, "c", 3, "d", 1));
    assertEquals(List.of("dev.jsonl: 2 label(s) never seen in the training data, counted as"
        + " misses: 'c' (3 examples), 'd' (1 example)"), w);
  }

  @Test
  void dataWithoutSourceSaysCrossValidationFallsBackToRandomFolds() {
    List<Example> noSource = List.of(new Example(null, "a", List.of("x"), null, null),
        new Example(null, "b", List.of("y"), null, null));
    assertTrue(DataWarnings.grouping("d", noSource).get(0).contains("falls back to random folds"));
    assertEquals(List.of(), DataWarnings.grouping("d", data("x", 3)));
  }
}
