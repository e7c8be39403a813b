package io.github.demarche.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TreeSumTest {

  /** The parallel stream's sum in a pool of one thread, whose leaf target is 4. */
  private static double streamSum(double[] v) throws Exception {
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      return one.submit(() -> IntStream.range(0, v.length).parallel().mapToDouble(i -> v[i]).sum())
          .get();
    } finally {
      one.shutdown();
    }
  }

  @Test
  void equalsJava17sParallelStreamSumWithLeafTarget4BitForBit() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 17, 100, 1001, 65_537, 200_003}) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        // magnitudes from 1e-12 to 1e12, both signs: rounding and compensation both matter
        v[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-12, 12));
      }
      assertEquals(Double.doubleToRawLongBits(streamSum(v)),
          Double.doubleToRawLongBits(TreeSum.sum(n, i -> v[i])), "n = " + n);
    }
  }

  @Test
  void doesNotDependOnThePoolItRunsIn() throws Exception {
    double[] v = new SplittableRandom(4).doubles(10_001, -1e6, 1e6).toArray();
    double alone = TreeSum.sum(v.length, i -> v[i]);
    for (int threads : new int[] {1, 2, 7}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        double inPool = pool.submit(() -> TreeSum.sum(v.length, i -> v[i])).get();
        assertEquals(Double.doubleToRawLongBits(alone), Double.doubleToRawLongBits(inPool));
      } finally {
        pool.shutdown();
      }
    }
  }
}
