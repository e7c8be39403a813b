package io.github.demarche.model;

/**
 * A set of vocabulary columns that one thread fills while featurizing a statement, then drains in
 * ascending order: the order in which scores are summed, so they do not depend on the order in
 * which features were found. Three levels of bits (a bit per column, a bit per non-empty word of
 * those, a bit per non-empty word of those) make both adding and draining cost about one step per
 * column present, whatever the vocabulary's size; for the default model's 33k columns it is 4 KB,
 * small enough to stay in the CPU's first-level cache, where sorting the columns cost a fifth of
 * the scoring time. Not thread-safe: one per thread.
 */
final class ColumnSet {
  private final int capacity;
  private final long[] bits;
  private final long[] words;
  private final long[] groups;

  /** A set for columns 0..capacity-1. */
  ColumnSet(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.bits = new long[(capacity + 63) >>> 6];
    this.words = new long[(bits.length + 63) >>> 6];
    this.groups = new long[(words.length + 63) >>> 6];
  }

  /** The number of columns the set can hold. */
  int capacity() {
    return capacity;
  }

  /** Adds a column in 0..capacity-1; adding it again changes nothing. */
  void add(int column) {
    int w = column >>> 6;
    bits[w] |= 1L << column;
    int g = w >>> 6;
    words[g] |= 1L << w;
    groups[g >>> 6] |= 1L << g;
  }

  /**
   * Writes the columns to {@code out} in ascending order, empties the set and returns how many
   * there were. {@code out} must have room for them.
   */
  int drain(int[] out) {
    int n = 0;
    for (int h = 0; h < groups.length; h++) {
      long gs = groups[h];
      if (gs == 0) {
        continue;
      }
      groups[h] = 0;
      for (; gs != 0; gs &= gs - 1) {
        int g = (h << 6) + Long.numberOfTrailingZeros(gs);
        long ws = words[g];
        words[g] = 0;
        for (; ws != 0; ws &= ws - 1) {
          int w = (g << 6) + Long.numberOfTrailingZeros(ws);
          long b = bits[w];
          bits[w] = 0;
          for (; b != 0; b &= b - 1) {
            out[n++] = (w << 6) + Long.numberOfTrailingZeros(b);
          }
        }
      }
    }
    return n;
  }
}
