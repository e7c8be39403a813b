package io.github.demarche.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.testing.Corpus;
import io.github.demarche.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded, grouped 5-fold cross-validation of the default configuration on the bundled corpus.
 * The figures are pinned within a tolerance: a change that costs quality fails the build, and a
 * change that gains must update the pinned figures on purpose (and the README's table).
 */
class QualityRegressionTest {
  /** Measured with the default configuration and seed: `demarche eval --folds 5` on train+dev. */
  private static final double MACRO_F1 = 0.6219;
  private static final double MICRO_F1 = 0.6571;
  private static final double TOLERANCE = 0.015;

  @Test
  void defaultConfigurationKeepsItsCrossValidatedQuality() {
    List<Example> all = new ArrayList<>(Corpus.trainExamples());
    all.addAll(Corpus.devExamples());
    Evaluation e = new CrossValidator(TrainingConfig.defaults(), 5, new Evaluator()).run(all);
    assertEquals(2392, e.n());
    assertEquals(MACRO_F1, e.macroF1(), TOLERANCE, "macro-F1");
    assertEquals(MICRO_F1, e.microF1(), TOLERANCE, "micro-F1");
    assertTrue(e.calibrationError() < 0.03, "calibration error " + e.calibrationError());
  }
}
