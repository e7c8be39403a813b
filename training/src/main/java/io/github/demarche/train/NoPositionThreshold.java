package io.github.demarche.train;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.model.Mode;
import io.github.demarche.model.StanceModel;
import java.util.List;
import java.util.stream.IntStream;
import smile.classification.PlattScaling;

/**
 * Learns, for a single-label model whose labels have no exclusive "none", the best score below
 * which the model should take no position. A single-label model always has a best label, so text
 * unlike its training data (another topic, another language) would otherwise get one at a score
 * barely above the others. On out-of-fold predictions from grouped folds of the training data,
 * the chance that the best label is right is fitted as a logistic function of its score (Platt
 * scaling); the threshold is the score where that chance falls to one half: below it, the label
 * is more likely wrong than right. Never tuned on evaluation data. Stateless and thread-safe.
 */
final class NoPositionThreshold {
  private NoPositionThreshold() {}

  /**
   * Whether a trained model is one this threshold is for: single-label, no exclusive label, and
   * enough groups of examples for the calibration folds (otherwise the model always answers).
   */
  static boolean appliesTo(StanceModel model, TrainingConfig config, List<Example> examples) {
    return model.mode() == Mode.SINGLE_LABEL && model.taxonomy().exclusiveLabel().isEmpty()
        && config.calibrationFolds() > 0 && groups(examples) >= config.calibrationFolds();
  }

  /** The number of cross-validation groups (a record without a source is a group of its own). */
  private static long groups(List<Example> examples) {
    long ungrouped = examples.stream().filter(e -> e.group() == null).count();
    return ungrouped + examples.stream().map(Example::group).filter(g -> g != null).distinct()
        .count();
  }

  /**
   * The threshold for the examples, from {@code config.calibrationFolds()} grouped folds seeded by
   * the config's seed; 0 when out-of-fold scores do not tell right from wrong answers.
   */
  static double learn(List<Example> examples, TrainingConfig config) {
    int folds = config.calibrationFolds();
    int[] fold = Folds.assign(examples, folds, config.seed());
    Trainer inner = new Trainer(config.withCalibrationFolds(0));
    double[] best = new double[examples.size()];
    int[] right = new int[examples.size()];
    int rightCount = 0;
    for (int f = 0; f < folds; f++) {
      int held = f;
      List<Example> train = IntStream.range(0, fold.length).filter(i -> fold[i] != held)
          .mapToObj(examples::get).toList();
      int[] test = IntStream.range(0, fold.length).filter(i -> fold[i] == held).toArray();
      if (test.length == 0 || Trainer.taxonomyOf(train).size() < 2) {
        continue;
      }
      StanceModel m = inner.train(train);
      for (int i : test) {
        Example e = examples.get(i);
        var position = m.classify(new StanceInput(e.text(), e.target())).get(0);
        best[i] = position.score();
        right[i] = e.labels().contains(position.label()) ? 1 : 0;
        rightCount += right[i];
      }
    }
    if (rightCount == 0 || rightCount == examples.size()) {
      return 0.0;
    }
    PlattScaling platt = PlattScaling.fit(best, right);
    // Smile's scale(s) = 1 / (1 + exp(a s + b)): one half where a s + b = 0
    double b = logit1m(platt.scale(0.0));
    double a = logit1m(platt.scale(1.0)) - b;
    if (!(a < 0)) {
      return 0.0;
    }
    double at = -b / a;
    return Math.max(0.0, Math.min(1.0, Math.round(at * 1e4) / 1e4));
  }

  private static double logit1m(double s) {
    double clamped = Math.min(1 - 1e-12, Math.max(1e-12, s));
    return Math.log(1.0 / clamped - 1.0);
  }
}
