package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.features.FeatureIndex;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OrderedTableTest {
  @Test
  void findsEveryKeyWithItsColumnAndWeightsInColumnOrderAndNoOtherKey() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {0, 1, 2, 7, 1000, 33_000}) {
      TreeSet<Long> set = new TreeSet<>();
      if (n > 0) {
        set.add(Long.MAX_VALUE);
        set.add(Long.MIN_VALUE);
        set.add(0L);
      }
      while (set.size() < n) {
        // clusters as well as spread keys, so that runs of neighbours are probed
        set.add(random.nextInt(4) == 0 ? random.nextLong(200) : random.nextLong());
      }
      long[] keys = set.stream().mapToLong(Long::longValue).toArray();
      FeatureIndex index = new FeatureIndex(keys);
      int outputs = 3;
      float[] w = new float[keys.length * outputs];
      for (int i = 0; i < w.length; i++) {
        w[i] = i;
      }
      OrderedTable table = OrderedTable.of(index, w, outputs);
      int previous = -1;
      for (int c = 0; c < keys.length; c++) {
        int s = table.slot(keys[c]);
        assertTrue(s > previous, "slots follow column order");
        previous = s;
        assertEquals(c, table.column(s));
        double[] z = new double[outputs];
        table.addWeights(s, z);
        assertEquals(c * outputs + 2.0, z[2]);
      }
      for (int i = 0; i < 20_000; i++) {
        long k = random.nextInt(2) == 0 ? random.nextLong(200) : random.nextLong();
        assertEquals(set.contains(k), table.slot(k) >= 0, "key " + k);
      }
      assertTrue(Arrays.stream(keys).allMatch(k -> table.slot(k) >= 0));
    }
  }

  @Test
  void keysCrowdedTogetherOnPurposeAreLeftToTheFeatureIndex() {
    long[] crowded = new long[5000];
    for (int i = 0; i < crowded.length; i++) {
      crowded[i] = i; // all share one home slot
    }
    assertEquals(null, OrderedTable.of(new FeatureIndex(crowded), new float[crowded.length], 1));
  }

  @Test
  void addRowsSumsEveryOutputRowByRowInTheOrderGiven() {
    SplittableRandom random = new SplittableRandom(13);
    long[] keys = random.longs(2000).sorted().distinct().toArray();
    for (int outputs : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 13}) {
      float[] w = new float[keys.length * outputs];
      for (int i = 0; i < w.length; i++) {
        // a wide range of magnitudes, so that another order would give other bits
        w[i] = (float) Math.scalb(random.nextDouble() - 0.5, -random.nextInt(60));
      }
      OrderedTable table = OrderedTable.of(new FeatureIndex(keys), w, outputs);
      for (int round = 0; round < 50; round++) {
        int n = random.nextInt(200);
        int[] slots = new int[n];
        for (int j = 0; j < n; j++) {
          slots[j] = table.slot(keys[random.nextInt(keys.length)]);
        }
        double[] expected = new double[outputs];
        double[] actual = new double[outputs];
        for (int o = 0; o < outputs; o++) {
          expected[o] = actual[o] = random.nextDouble();
        }
        for (int s : slots) {
          table.addWeights(s, expected);
        }
        table.addRows(slots, n, actual);
        assertArrayEquals(expected, actual, "outputs " + outputs);
      }
    }
  }

  @Test
  void aTableOfMoreThanAMillionSlotsFindsItsKeysAndWeightsToo() {
    // 800,000 keys take 2^21 home slots: rows without padding
    SplittableRandom random = new SplittableRandom(19);
    long[] keys = random.longs(800_000).sorted().distinct().toArray();
    int outputs = 3;
    float[] w = new float[keys.length * outputs];
    for (int i = 0; i < w.length; i++) {
      w[i] = i;
    }
    OrderedTable table = OrderedTable.of(new FeatureIndex(keys), w, outputs);
    for (int i = 0; i < 20_000; i++) {
      int c = random.nextInt(keys.length);
      int s = table.slot(keys[c]);
      assertEquals(c, table.column(s));
      double[] z = new double[outputs];
      table.addRows(new int[] {s}, 1, z);
      assertArrayEquals(new double[] {c * 3.0, c * 3.0 + 1, c * 3.0 + 2}, z);
      long other = random.nextLong();
      assertEquals(Arrays.binarySearch(keys, other) >= 0, table.slot(other) >= 0);
    }
  }
}
