package io.github.demarche.stack;

import smile.math.DifferentiableMultivariateFunction;
import smile.math.MathEx;

/**
 * The L2-regularised negative log-likelihood of a binary logistic model over dense rows, and its
 * gradient, for Smile's L-BFGS: the stack's per-label fit. The point holds the weights (p) and the
 * intercept at index p, which is not penalised. Sums run sequentially in row order, so a fit gives
 * the same weights, bit for bit, on any machine. Not thread-safe: one instance per fit.
 */
final class DenseLogistic implements DifferentiableMultivariateFunction {
  private final double[][] x;
  private final int[] rows;
  private final int[] y;
  private final double lambda;
  private final int p;

  /**
   * @param x every row's inputs (standardised)
   * @param rows the rows of this fit
   * @param y 1 for a positive row, 0 for a negative one, by position in {@code rows}
   * @param lambda the L2 penalty on the weights
   */
  DenseLogistic(double[][] x, int[] rows, int[] y, double lambda) {
    this.x = x;
    this.rows = rows;
    this.y = y;
    this.lambda = lambda;
    this.p = x[rows[0]].length;
  }

  @Override
  public double f(double[] w) {
    double f = 0;
    for (int i = 0; i < rows.length; i++) {
      double z = dot(w, x[rows[i]]);
      f += MathEx.log1pe(z) - y[i] * z;
    }
    return f + penalty(w);
  }

  @Override
  public double g(double[] w, double[] g) {
    java.util.Arrays.fill(g, 0.0);
    double f = 0;
    for (int i = 0; i < rows.length; i++) {
      double[] row = x[rows[i]];
      double z = dot(w, row);
      f += MathEx.log1pe(z) - y[i] * z;
      double err = MathEx.sigmoid(z) - y[i];
      for (int j = 0; j < p; j++) {
        g[j] += err * row[j];
      }
      g[p] += err;
    }
    for (int j = 0; j < p; j++) {
      g[j] += lambda * w[j];
    }
    return f + penalty(w);
  }

  private double penalty(double[] w) {
    double norm = 0;
    for (int j = 0; j < p; j++) {
      norm += w[j] * w[j];
    }
    return 0.5 * lambda * norm;
  }

  private double dot(double[] w, double[] row) {
    double z = w[p];
    for (int j = 0; j < p; j++) {
      z += w[j] * row[j];
    }
    return z;
  }
}
