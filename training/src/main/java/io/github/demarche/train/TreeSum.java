package io.github.demarche.train;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * {@code IntStream.range(0, n).parallel().mapToDouble(f).sum()} as Java 17 evaluates it with a
 * leaf target of 4 (the value on a two-core machine, where the bundled model was trained), bit
 * for bit, whatever the thread pool and the number of cores. The stream's own result depends on
 * both: it splits the range in halves down to a size of n / (4 x the parallelism of the pool it
 * runs in, or of the common pool outside one), sums each piece with Kahan compensation and
 * combines the pieces' sums pairwise, so a training's bytes would change with the machine and the
 * number of training threads. Here the pieces are fixed; they are summed in parallel and combined
 * in the stream's order. Stateless and thread-safe.
 */
final class TreeSum {
  /** The leaf target of a pool of parallelism 1. */
  private static final int LEAF_TARGET = 4;

  private TreeSum() {}

  /** The sum of {@code f(0) .. f(n - 1)}; f is called once for each index, from any thread. */
  static double sum(int n, IntToDoubleFunction f) {
    long threshold = Math.max(1L, n / LEAF_TARGET);
    int leaves = leafCount(n, threshold);
    int[] from = new int[leaves];
    int[] to = new int[leaves];
    fillLeaves(0, n, threshold, from, to, new int[1]);
    double[][] states = new double[leaves][];
    IntStream.range(0, leaves).parallel().forEach(l -> {
      double[] state = new double[3];
      for (int i = from[l]; i < to[l]; i++) {
        add(state, f.applyAsDouble(i));
      }
      states[l] = state;
    });
    double[] total = combine(0, n, threshold, states, new int[1]);
    return finalSum(total);
  }

  private static int leafCount(int size, long threshold) {
    if (size <= threshold || size <= 1) {
      return 1;
    }
    int left = size / 2;
    return leafCount(left, threshold) + leafCount(size - left, threshold);
  }

  /** The ranges of the leaves, left to right, as the range spliterator splits them. */
  private static void fillLeaves(int start, int end, long threshold, int[] from, int[] to,
      int[] next) {
    int size = end - start;
    if (size <= threshold || size <= 1) {
      from[next[0]] = start;
      to[next[0]] = end;
      next[0]++;
      return;
    }
    int mid = start + size / 2;
    fillLeaves(start, mid, threshold, from, to, next);
    fillLeaves(mid, end, threshold, from, to, next);
  }

  /** The state of a subtree: the left child's state with the right child's combined into it. */
  private static double[] combine(int start, int end, long threshold, double[][] states,
      int[] next) {
    int size = end - start;
    if (size <= threshold || size <= 1) {
      return states[next[0]++];
    }
    int mid = start + size / 2;
    double[] left = combine(start, mid, threshold, states, next);
    double[] right = combine(mid, end, threshold, states, next);
    // DoublePipeline.sum's combiner
    compensated(left, right[0]);
    compensated(left, -right[1]);
    left[2] += right[2];
    return left;
  }

  /** DoublePipeline.sum's accumulator. */
  private static void add(double[] state, double value) {
    compensated(state, value);
    state[2] += value;
  }

  /** Collectors.sumWithCompensation: Kahan summation of the sum in [0], compensation in [1]. */
  private static void compensated(double[] state, double value) {
    double velvel = value - state[1];
    double sum = state[0];
    double t = sum + velvel;
    state[1] = (t - sum) - velvel;
    state[0] = t;
  }

  /** Collectors.computeFinalSum. */
  private static double finalSum(double[] state) {
    double tmp = state[0] - state[1];
    double simple = state[2];
    if (Double.isNaN(tmp) && Double.isInfinite(simple)) {
      return simple;
    }
    return tmp;
  }
}
