package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSumsTest {
  @Test
  void theLowestBitIsTheExponentOfTheLeastSignificantOneInTheFloat() {
    assertEquals(0, ExactSums.lowestBit(1.0f));
    assertEquals(0, ExactSums.lowestBit(-3.0f));
    assertEquals(-1, ExactSums.lowestBit(1.5f));
    assertEquals(2, ExactSums.lowestBit(12.0f));
    assertEquals(-126, ExactSums.lowestBit(0x1p-126f));
    assertEquals(-149, ExactSums.lowestBit(Float.MIN_VALUE));
    assertEquals(-23, ExactSums.lowestBit(Math.nextUp(1.0f)));
  }

  /** Random weights whose exponents span {@code range} binary orders below 2. */
  private static float[] weights(SplittableRandom random, int count, int range) {
    float[] w = new float[count];
    for (int i = 0; i < count; i++) {
      float mantissa = 1.0f + random.nextInt(1 << 23) * 0x1p-23f;
      w[i] = Math.scalb(mantissa, -random.nextInt(range)) * (random.nextBoolean() ? 1 : -1);
    }
    return w;
  }

  @Test
  void upToTheLimitEveryOrderOfAddingTheRowsGivesTheSameBits() {
    SplittableRandom random = new SplittableRandom(7);
    for (int range : new int[] {1, 10, 20, 26}) {
      int outputs = 3;
      float[] w = weights(random, 400 * outputs, range);
      float[] bias = weights(random, outputs, range);
      int limit = ExactSums.orderFreeRows(w, bias);
      assertTrue(limit > 0, "a range of " + range + " leaves room for some rows");
      int rows = Math.min(limit, 400);
      for (int trial = 0; trial < 200; trial++) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
          order[i] = i;
        }
        double[] ascending = sums(w, bias, order, outputs);
        for (int i = rows - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        double[] shuffled = sums(w, bias, order, outputs);
        for (int o = 0; o < outputs; o++) {
          assertEquals(Double.doubleToRawLongBits(ascending[o]),
              Double.doubleToRawLongBits(shuffled[o]), "range " + range + ", output " + o);
        }
      }
    }
  }

  private static double[] sums(float[] w, float[] bias, int[] rows, int outputs) {
    double[] z = new double[outputs];
    for (int o = 0; o < outputs; o++) {
      z[o] = bias[o];
    }
    for (int r : rows) {
      for (int o = 0; o < outputs; o++) {
        z[o] += w[r * outputs + o];
      }
    }
    return z;
  }

  @Test
  void weightsOfTooWideARangeOrANegativeZeroBiasLeaveOnlyColumnOrder() {
    // from a bias of 2^-60, adding 2^-60, 1, -1 gives 0; adding 1, -1, 2^-60 gives 2^-60
    float[] w = {0x1p-60f, 1.0f, -1.0f};
    float[] bias = {0x1p-60f};
    assertNotEquals(((0x1p-60 + 0x1p-60) + 1.0) - 1.0, ((0x1p-60 + 1.0) - 1.0) + 0x1p-60);
    assertEquals(0, ExactSums.orderFreeRows(w, bias));
    assertEquals(0, ExactSums.orderFreeRows(new float[] {1.0f}, new float[] {-0.0f}));
    assertEquals(Integer.MAX_VALUE, ExactSums.orderFreeRows(new float[] {0.0f, -0.0f}, bias));
  }

  @Test
  void theLimitIsTheRoomLeftUnderTwoToTheFiftyThreeLowestBits() {
    // lowest bit 2^-40, so sums stay exact up to 2^13; the bias takes 2^12 of that room
    float[] w = {0x1p-40f, 1.0f, -4.0f};
    float[] bias = {0x1p12f};
    assertEquals(0x1p12 / 4.0 - 1, ExactSums.orderFreeRows(w, bias));
  }
}
