package io.github.demarche.train;

import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.DifferentiableMultivariateFunction;
import smile.math.MathEx;

/**
 * The L2-regularised negative log-likelihood of a binary logistic model over some rows of a
 * {@link FeatureMatrix}, and its gradient, for Smile's L-BFGS. It is the objective that Smile's
 * {@code Maxent.binomial} minimises, computed with the same floating-point operations in the same
 * order (rows dealt to partitions of a fixed size, sums taken by the same stream reductions), so a
 * fit gives the very same weights, bit for bit; {@code BinomialObjectiveTest} pins that against
 * Smile. What differs is only how the work is done:
 *
 * <ul>
 *   <li>the rows are read where they lie in the shared matrix, not copied per fit;
 *   <li>weights are looked up in the matrix's frequency-ranked column order, so the weights of
 *       common features share cache lines;
 *   <li>Smile's L-BFGS evaluates the gradient at the very point whose value the line search just
 *       computed; the scores of that evaluation are kept and reused instead of recomputed.
 * </ul>
 *
 * <p>The point's weights are the fit's own columns 0..p-1 (its vocabulary, in hash order) and the
 * intercept at index p. Not thread-safe: one instance per fit (its evaluations use the common
 * fork-join pool inside, as Smile's do).
 */
final class BinomialObjective implements DifferentiableMultivariateFunction {
  private final int[] start;
  private final int[] entries;
  private final int[] rows;
  private final int[] y;
  private final int[] vocabulary;
  private final int p;
  private final double lambda;
  private final int partitionSize;
  private final int partitions;
  /** Each matrix column's feature value, or null for binary features (every value 1). */
  private final double[] values;
  /** The weights of the current point by matrix column (zero outside the vocabulary). */
  private final double[] weights;
  private double bias;
  /** Per partition, the gradient by matrix column, the intercept's at the end. */
  private final double[][] gradients;
  /** The score of every row at {@link #scoredAt}, when {@link #scored}. */
  private final double[] scores;
  private final double[] scoredAt;
  private boolean scored;

  /**
   * @param matrix the training data
   * @param rows the rows of this fit, in the order Smile would have been given them
   * @param y 1 for a positive row, 0 for a negative one, by position in {@code rows}
   * @param vocabulary the fit's columns in hash order ({@link FeatureMatrix#vocabulary})
   * @param lambda the L2 penalty
   * @param partitionSize rows per gradient partition (Smile's {@code smile.data.partition.size})
   * @param values each matrix column's feature value ({@link IdfWeights}), or null for binary
   *     features; binary features take exactly Smile's arithmetic
   */
  BinomialObjective(FeatureMatrix matrix, int[] rows, int[] y, int[] vocabulary, double lambda,
      int partitionSize, double[] values) {
    this.values = values;
    this.start = matrix.start;
    this.entries = matrix.entries;
    this.rows = rows;
    this.y = y;
    this.vocabulary = vocabulary;
    this.p = vocabulary.length;
    this.lambda = lambda;
    this.partitionSize = partitionSize;
    this.partitions = rows.length / partitionSize + (rows.length % partitionSize == 0 ? 0 : 1);
    int columns = matrix.columns();
    this.weights = new double[columns];
    this.gradients = new double[partitions][columns + 1];
    this.scores = new double[rows.length];
    this.scoredAt = new double[p + 1];
  }

  private void load(double[] w) {
    for (int j = 0; j < p; j++) {
      weights[vocabulary[j]] = w[j];
    }
    bias = w[p];
  }

  /** The logit of row i of the fit: the intercept first, then the weights in hash order. */
  private double dot(int i) {
    int r = rows[i];
    double dot = bias;
    if (values == null) {
      for (int e = start[r], end = start[r + 1]; e < end; e++) {
        dot += weights[entries[e]];
      }
    } else {
      for (int e = start[r], end = start[r + 1]; e < end; e++) {
        dot += weights[entries[e]] * values[entries[e]];
      }
    }
    return dot;
  }

  private void remember(double[] w) {
    System.arraycopy(w, 0, scoredAt, 0, p + 1);
    scored = true;
  }

  @Override
  public double f(double[] w) {
    load(w);
    // the sum Smile's parallel stream gives with a leaf target of 4, whatever the pool
    double f = TreeSum.sum(rows.length, i -> {
      double wx = dot(i);
      scores[i] = wx;
      return MathEx.log1pe(wx) - y[i] * wx;
    });
    remember(w);
    if (lambda > 0.0) {
      double wnorm = 0.0;
      for (int i = 0; i < p; i++) {
        wnorm += w[i] * w[i];
      }
      f += 0.5 * lambda * wnorm;
    }
    return f;
  }

  @Override
  public double g(double[] w, double[] g) {
    boolean reuse = scored && Arrays.equals(w, scoredAt);
    if (!reuse) {
      load(w);
    }
    // at most four partitions, each a leaf of the stream's tree whatever its leaf target
    double f = TreeSum.sum(partitions, r -> {
      double[] gradient = gradients[r];
      Arrays.fill(gradient, 0.0);
      int begin = r * partitionSize;
      int end = Math.min((r + 1) * partitionSize, rows.length);
      int bias = gradient.length - 1;
      return IntStream.range(begin, end).sequential().mapToDouble(i -> {
        double wx = reuse ? scores[i] : dot(i);
        scores[i] = wx;
        double err = y[i] - MathEx.sigmoid(wx);
        int row = rows[i];
        if (values == null) {
          for (int e = start[row], stop = start[row + 1]; e < stop; e++) {
            gradient[entries[e]] -= err;
          }
        } else {
          for (int e = start[row], stop = start[row + 1]; e < stop; e++) {
            gradient[entries[e]] -= err * values[entries[e]];
          }
        }
        gradient[bias] -= err;
        return MathEx.log1pe(wx) - y[i] * wx;
      }).sum();
    });
    remember(w);
    Arrays.fill(g, 0.0);
    for (double[] gradient : gradients) {
      for (int j = 0; j < p; j++) {
        g[j] += gradient[vocabulary[j]];
      }
      g[p] += gradient[gradient.length - 1];
    }
    if (lambda > 0.0) {
      double wnorm = 0.0;
      for (int i = 0; i < p; i++) {
        wnorm += w[i] * w[i];
        g[i] += lambda * w[i];
      }
      f += 0.5 * lambda * wnorm;
    }
    return f;
  }
}
