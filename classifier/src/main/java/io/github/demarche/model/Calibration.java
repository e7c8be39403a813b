package io.github.demarche.model;

/**
 * Platt scaling of one output: {@code p = 1 / (1 + exp(a * z + b))} for a raw logit z, with the
 * decision threshold applied to p. The identity calibration is {@code a = -1, b = 0}. Immutable
 * and thread-safe.
 *
 * @param a slope (negative for a score that rises with z)
 * @param b offset
 * @param threshold the calibrated score at and above which the label is assigned
 */
public record Calibration(double a, double b, double threshold) {
  public Calibration {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("calibration a and b must be finite, were " + a + ", " + b);
    }
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
  }

  /** The plain logistic function with a threshold of 0.5. */
  public static Calibration identity() {
    return new Calibration(-1.0, 0.0, 0.5);
  }

  /** The calibrated probability of a raw logit. */
  public double apply(double z) {
    return 1.0 / (1.0 + Math.exp(a * z + b));
  }
}
