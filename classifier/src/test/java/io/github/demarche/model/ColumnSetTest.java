package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnSetTest {
  @Test
  void drainsTheColumnsOnceEachInAscendingOrderAndIsEmptyAfterwards() {
    SplittableRandom random = new SplittableRandom(3);
    for (int capacity : new int[] {1, 63, 64, 65, 4096, 33_000, 300_000, 1 << 22}) {
      ColumnSet set = new ColumnSet(capacity);
      for (int round = 0; round < 20; round++) {
        int n = random.nextInt(200);
        int[] added = new int[n];
        for (int i = 0; i < n; i++) {
          added[i] = i > 0 && random.nextInt(4) == 0 ? added[i - 1] : random.nextInt(capacity);
          set.add(added[i]);
        }
        int[] expected = Arrays.stream(added).distinct().sorted().toArray();
        int[] out = new int[n];
        int got = set.drain(out);
        assertArrayEquals(expected, Arrays.copyOf(out, got), "capacity " + capacity);
        assertEquals(0, set.drain(out), "drained empty");
      }
    }
  }
}
