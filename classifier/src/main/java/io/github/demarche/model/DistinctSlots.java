package io.github.demarche.model;

/**
 * Removes repeats from the table slots found for one statement's features, keeping each slot's
 * first occurrence in order and leaving out one given slot (where features outside the
 * vocabulary go). A bit per slot, set while a list is filtered and cleared after it; the filter
 * does not branch on what it reads, since whether a feature repeats is hard to predict. Not
 * thread-safe: one per thread.
 */
final class DistinctSlots {
  private final long[] bits;

  /** A filter for slots 0..capacity-1. */
  DistinctSlots(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.bits = new long[(capacity + 63) >>> 6];
  }

  /** The number of slots the filter can take. */
  int capacity() {
    return bits.length << 6;
  }

  /**
   * Writes the distinct slots of {@code slots[0..size)} other than {@code left} to the start of
   * {@code slots}, in order of first occurrence, and returns how many there are.
   */
  int keep(int[] slots, int size, int left) {
    long[] b = bits;
    b[left >>> 6] |= 1L << left;
    int n = 0;
    for (int i = 0; i < size; i++) {
      int s = slots[i];
      int w = s >>> 6;
      long word = b[w];
      slots[n] = s;
      // 1 when the slot's bit was clear (the shift takes s modulo 64)
      n += (int) (~word >>> s) & 1;
      b[w] = word | (1L << s);
    }
    for (int j = 0; j < n; j++) {
      b[slots[j] >>> 6] = 0;
    }
    b[left >>> 6] = 0;
    return n;
  }
}
