package io.github.demarche.features;

import java.util.Arrays;

/**
 * Maps 64-bit feature hashes to dense column numbers 0..size-1 (the model's vocabulary). Open
 * addressing over one primitive array holding each slot's key and column side by side, so a
 * lookup allocates nothing and usually touches one cache line. Immutable and thread-safe.
 */
public final class FeatureIndex {
  private static final long EMPTY = 0L;
  private final long[] sortedKeys;
  /** Slot s holds its key at 2s and its column at 2s + 1; key 0 marks an empty slot. */
  private final long[] table;
  private final int mask;
  /** Whether the hash 0 (which marks empty slots) is a key, and its column. */
  private final int zeroValue;

  /**
   * An index whose column i is {@code sortedKeys[i]}.
   *
   * @throws IllegalArgumentException unless the keys are strictly increasing
   */
  public FeatureIndex(long[] sortedKeys) {
    for (int i = 1; i < sortedKeys.length; i++) {
      if (sortedKeys[i - 1] >= sortedKeys[i]) {
        throw new IllegalArgumentException("feature hashes must be strictly increasing at " + i);
      }
    }
    this.sortedKeys = sortedKeys.clone();
    // a load between 1/3 and 2/3: short probe runs in a table half the size of a sparser one,
    // which matters because lookups into a large vocabulary miss the CPU caches
    int capacity = Integer.highestOneBit(Math.max(4, sortedKeys.length + sortedKeys.length / 2)) << 1;
    this.table = new long[2 * capacity];
    this.mask = capacity - 1;
    int zero = -1;
    for (int i = 0; i < sortedKeys.length; i++) {
      long k = sortedKeys[i];
      if (k == EMPTY) {
        zero = i;
        continue;
      }
      int slot = slot(k);
      while (table[2 * slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = k;
      table[2 * slot + 1] = i;
    }
    this.zeroValue = zero;
  }

  private int slot(long k) {
    return (int) (k ^ (k >>> 29)) & mask;
  }

  /** The column of a feature hash, or -1 when the feature is not in the vocabulary. */
  public int get(long key) {
    if (key == EMPTY) {
      return zeroValue;
    }
    int slot = slot(key);
    while (true) {
      long k = table[2 * slot];
      if (k == key) {
        return (int) table[2 * slot + 1];
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The number of features. */
  public int size() {
    return sortedKeys.length;
  }

  /** The hash of column i. */
  public long key(int column) {
    return sortedKeys[column];
  }

  /** A copy of the hashes in column order. */
  public long[] keys() {
    return sortedKeys.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureIndex f && Arrays.equals(f.sortedKeys, sortedKeys);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sortedKeys);
  }

  /**
   * Sorts the first {@code len} columns of {@code cols} and removes repeats in place, returning
   * how many distinct columns remain at the front.
   */
  public static int sortUnique(int[] cols, int len) {
    Arrays.sort(cols, 0, len);
    int u = 0;
    for (int i = 0; i < len; i++) {
      if (u == 0 || cols[u - 1] != cols[i]) {
        cols[u++] = cols[i];
      }
    }
    return u;
  }
}
