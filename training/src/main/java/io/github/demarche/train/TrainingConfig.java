package io.github.demarche.train;

import io.github.demarche.features.FeatureConfig;
import io.github.demarche.features.Props;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything that decides what a training run produces: features, regularisation, optimiser
 * limits, vocabulary pruning, calibration folds and the seed. Converts to and from {@link
 * Properties} so the command line, config files and model manifests share one definition.
 * Immutable and thread-safe.
 *
 * @param features the feature configuration saved into the model
 * @param lambda L2 regularisation strength of Smile's Maxent
 * @param tolerance convergence tolerance of the L-BFGS optimiser
 * @param maxIterations iteration limit of the optimiser
 * @param minCount features seen in fewer training examples are dropped
 * @param calibrationFolds grouped folds for fitting calibration and thresholds out of fold; 0
 *     keeps the plain logistic scores and a threshold of 0.5
 * @param seed seeds every random choice (fold assignment); same data and seed give the same model
 * @param idfWeighting whether the per-label (multi-label) fits see each binary feature scaled by
 *     its inverse document frequency on the training data ({@link IdfWeights}) rather than as 1;
 *     the scale is folded into the saved weights, so scoring is unchanged. Single-label models
 *     (Smile's multinomial fit) always see binary features
 */
public record TrainingConfig(
    FeatureConfig features,
    double lambda,
    double tolerance,
    int maxIterations,
    int minCount,
    int calibrationFolds,
    long seed,
    boolean idfWeighting) {

  public TrainingConfig {
    if (features == null) {
      throw new IllegalArgumentException("features must not be null");
    }
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("train.lambda must be a finite number >= 0, was " + lambda);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("train.tolerance must be > 0, was " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("train.max_iterations must be >= 1, was " + maxIterations);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("train.min_count must be >= 1, was " + minCount);
    }
    if (calibrationFolds != 0 && calibrationFolds < 2) {
      throw new IllegalArgumentException(
          "train.calibration_folds must be 0 (off) or >= 2, was " + calibrationFolds);
    }
  }

  /** The seed of the default model. */
  public static final long DEFAULT_SEED = 20261127L;

  /** The configuration of the default model. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(FeatureConfig.defaults(), 0.5, 1e-3, 500, 1, 5, DEFAULT_SEED, true);
  }

  public TrainingConfig withSeed(long newSeed) {
    return new TrainingConfig(features, lambda, tolerance, maxIterations, minCount, calibrationFolds, newSeed, idfWeighting);
  }

  public TrainingConfig withFeatures(FeatureConfig f) {
    return new TrainingConfig(f, lambda, tolerance, maxIterations, minCount, calibrationFolds, seed, idfWeighting);
  }

  public TrainingConfig withLambda(double l) {
    return new TrainingConfig(features, l, tolerance, maxIterations, minCount, calibrationFolds, seed, idfWeighting);
  }

  public TrainingConfig withMinCount(int m) {
    return new TrainingConfig(features, lambda, tolerance, maxIterations, m, calibrationFolds, seed, idfWeighting);
  }

  public TrainingConfig withIdfWeighting(boolean on) {
    return new TrainingConfig(features, lambda, tolerance, maxIterations, minCount, calibrationFolds, seed, on);
  }

  public TrainingConfig withCalibrationFolds(int k) {
    return new TrainingConfig(features, lambda, tolerance, maxIterations, minCount, k, seed, idfWeighting);
  }

  /** All settings as properties: {@code features.*} and {@code train.*}. */
  public Properties toProperties() {
    Properties p = features.toProperties();
    p.setProperty("train.lambda", Double.toString(lambda));
    p.setProperty("train.tolerance", Double.toString(tolerance));
    p.setProperty("train.max_iterations", Integer.toString(maxIterations));
    p.setProperty("train.min_count", Integer.toString(minCount));
    p.setProperty("train.calibration_folds", Integer.toString(calibrationFolds));
    p.setProperty("train.seed", Long.toString(seed));
    p.setProperty("train.idf_weighting", Boolean.toString(idfWeighting));
    return p;
  }

  /** The settings as a sorted map, for manifests and model cards. */
  public Map<String, String> toMap() {
    Map<String, String> m = new TreeMap<>();
    toProperties().forEach((k, v) -> m.put((String) k, (String) v));
    return m;
  }

  /**
   * Settings from properties, {@link #defaults()} for absent keys.
   *
   * @throws IllegalArgumentException naming the key whose value is wrong
   */
  public static TrainingConfig fromProperties(Properties p) {
    TrainingConfig d = defaults();
    return new TrainingConfig(
        FeatureConfig.fromProperties(p),
        Props.doubleValue(p, "train.lambda", d.lambda),
        Props.doubleValue(p, "train.tolerance", d.tolerance),
        Props.intValue(p, "train.max_iterations", d.maxIterations),
        Props.intValue(p, "train.min_count", d.minCount),
        Props.intValue(p, "train.calibration_folds", d.calibrationFolds),
        Props.longValue(p, "train.seed", d.seed),
        Props.boolValue(p, "train.idf_weighting", d.idfWeighting));
  }
}
