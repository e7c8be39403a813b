package io.github.demarche.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.testing.FlippingStance;
import io.github.demarche.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AutotunerTest {
  private static List<Example> flipping(int n, long seed) {
    return FlippingStance.examples(n, seed);
  }

  private static final TrainingConfig WITHOUT_CONJUNCTIONS = TrainingConfig.defaults()
      .withFeatures(new io.github.demarche.features.FeatureConfig(2, 0, 0, 1, 5, false));

  private static SearchSpace small() {
    return new SearchSpace(List.of(
        new SearchSpace.Dimension("target conjunctions", List.of(
            new SearchSpace.Choice("conjunctions", Map.of("features.target_conjunctions", "true")))),
        new SearchSpace.Dimension("lambda", List.of(
            new SearchSpace.Choice("lambda 2", Map.of("train.lambda", "2.0"))))));
  }

  private static Autotuner tuner(int maxTrials) {
    return new Autotuner(small(), 3, List.of(), maxTrials, Double.POSITIVE_INFINITY,
        System::nanoTime);
  }

  @Test
  void theBestCrossValidatedConfigurationIsChosen() {
    List<Trial> reported = new ArrayList<>();
    Autotuner.Result r = tuner(10).tune(flipping(240, 1), WITHOUT_CONJUNCTIONS, reported::add);
    assertEquals(r.trials(), reported, "every trial is reported as it ends");
    assertEquals("start", r.trials().get(0).change());
    assertTrue(r.bestConfig().features().targetConjunctions(), "conjunctions win on this data");
    for (Trial t : r.trials()) {
      assertTrue(r.best().score() >= t.score(), "the best has the highest score: " + t);
    }
    assertTrue(r.best().score() > r.trials().get(0).score() + 0.2,
        "conjunctions raise macro-F1 far above the start: " + r.trials());
    assertEquals(Map.of("features.target_conjunctions", "true"),
        r.trials().get(1).differences());
  }

  @Test
  void theTrialTableHasARowPerTrialAndMarksTheBest() {
    Autotuner tuner = tuner(10);
    Autotuner.Result r = tuner.tune(flipping(240, 1), WITHOUT_CONJUNCTIONS, t -> {});
    String[] lines = tuner.table(r).split("\n");
    assertEquals(2 + r.trials().size(), lines.length, tuner.table(r));
    String bestRow = lines[1 + r.best().number()];
    assertTrue(bestRow.startsWith("| " + r.best().number() + " |") && bestRow.endsWith("| best |"),
        bestRow);
    assertTrue(lines[2].contains("| start | - |"), lines[2]);
  }

  @Test
  void theSameDataAndSeedGiveTheSameTrials() {
    List<Example> data = flipping(240, 3);
    Autotuner.Result a = tuner(10).tune(data, WITHOUT_CONJUNCTIONS, t -> {});
    Autotuner.Result b = tuner(10).tune(new ArrayList<>(data), WITHOUT_CONJUNCTIONS, t -> {});
    assertEquals(a.trials().size(), b.trials().size());
    for (int i = 0; i < a.trials().size(); i++) {
      assertEquals(a.trials().get(i).config(), b.trials().get(i).config());
      assertEquals(a.trials().get(i).score(), b.trials().get(i).score(), 0.0);
    }
    assertEquals(a.best().number(), b.best().number());
  }

  @Test
  void theTrialLimitIsNeverExceeded() {
    Autotuner.Result r = new Autotuner(SearchSpace.defaults(), 3, List.of(), 3,
        Double.POSITIVE_INFINITY, System::nanoTime).tune(flipping(120, 4), TrainingConfig.defaults(),
        t -> {});
    assertEquals(3, r.trials().size());
    assertTrue(r.stopReason().startsWith("trial limit (3)"), r.stopReason());
  }

  @Test
  void noTrialStartsThatTheTimeBudgetCannotHold() {
    // a clock that advances 10 s at every reading: each trial appears to take 10 s
    AtomicLong now = new AtomicLong();
    Autotuner timed = new Autotuner(SearchSpace.defaults(), 3, List.of(), 100, 45,
        () -> now.addAndGet(10_000_000_000L));
    Autotuner.Result r = timed.tune(flipping(120, 4), TrainingConfig.defaults(), t -> {});
    // readings: start 10, trial 1 20..30; check 40 (+10 fits 45); trial 2 50..60; check 70 stops
    assertEquals(2, r.trials().size(), r.trials().toString());
    assertTrue(r.stopReason().startsWith("time budget (45 s)"), r.stopReason());
  }

  @Test
  void theObjectiveCanBeTheMeanF1OfChosenLabels() {
    Autotuner favourOnly = new Autotuner(small(), 3, List.of("FAVOR"), 1,
        Double.POSITIVE_INFINITY, System::nanoTime);
    Trial t = favourOnly.tune(flipping(240, 1), TrainingConfig.defaults(), x -> {}).best();
    assertFalse(Math.abs(t.score() - t.macroF1()) < 1e-12 && t.score() == 0,
        "a score is measured");
    assertTrue(favourOnly.table(new Autotuner.Result(List.of(t), t, "")).contains("F1 FAVOR"));
  }
}
