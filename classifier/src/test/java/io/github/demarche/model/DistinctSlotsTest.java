package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinctSlotsTest {
  @Test
  void keepsFirstOccurrencesInOrderWithoutTheLeftOutSlotAndForgetsThemAfterwards() {
    SplittableRandom random = new SplittableRandom(5);
    for (int capacity : new int[] {1, 63, 64, 65, 4096, 65_537}) {
      DistinctSlots filter = new DistinctSlots(capacity);
      for (int round = 0; round < 50; round++) {
        int size = random.nextInt(300);
        int left = random.nextInt(capacity);
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
          slots[i] = i > 0 && random.nextInt(4) == 0 ? slots[random.nextInt(i)]
              : random.nextInt(8) == 0 ? left : random.nextInt(capacity);
        }
        LinkedHashSet<Integer> expected = new LinkedHashSet<>();
        for (int s : slots) {
          if (s != left) {
            expected.add(s);
          }
        }
        int n = filter.keep(slots, size, left);
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
            Arrays.copyOf(slots, n), "capacity " + capacity + ", round " + round);
      }
    }
  }
}
