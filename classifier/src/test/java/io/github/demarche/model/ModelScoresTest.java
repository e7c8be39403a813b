package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.demarche.Demarche;
import io.github.demarche.api.Scores;
import io.github.demarche.api.StanceInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins what the README promises of {@code model.scores(...)} on the default model. */
class ModelScoresTest {

  private static final String TEXT = "Azerbaijan accused Armenia of shelling.";

  @Test
  void defaultModelScoresEveryLabelByNameInTaxonomyOrder() {
    StanceModel model = Demarche.defaultModel();
    Scores scores = model.scores(TEXT);
    assertEquals(model.taxonomy().names(), scores.labels());
    assertEquals(scores, model.scores(StanceInput.of(TEXT)));
    double[] array = model.scoreArray(StanceInput.of(TEXT));
    for (String label : model.taxonomy().names()) {
      assertEquals(array[model.taxonomy().indexOf(label)], scores.get(label), label);
    }
    // the outputs of a multi-label model may leave out the exclusive label, in another order:
    // each output's score is found by its name, whatever the order
    List<String> outputs = model.outputs();
    for (String output : outputs) {
      assertEquals(array[model.taxonomy().indexOf(output)], scores.get(output), output);
    }
  }

  @Test
  void bestIsTheHighestScoringLabel() {
    StanceModel model = Demarche.defaultModel();
    for (String text : List.of(TEXT, "We call on both sides to show restraint.",
        "The ministry rejected the claims as baseless.")) {
      double[] array = model.scoreArray(StanceInput.of(text));
      int argmax = 0;
      for (int i = 1; i < array.length; i++) {
        argmax = array[i] > array[argmax] ? i : argmax;
      }
      Scores.Entry best = model.scores(text).best();
      assertEquals(model.taxonomy().names().get(argmax), best.label(), text);
      assertEquals(array[argmax], best.score(), text);
    }
  }
}
