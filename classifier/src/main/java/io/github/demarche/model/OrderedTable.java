package io.github.demarche.model;

import io.github.demarche.features.FeatureIndex;

/**
 * The scoring path's view of a model's vocabulary and weights, laid out for the CPU's caches: an
 * open-addressing table whose slot order is the columns' order. A key's home slot is the top bits
 * of the hash (taken as unsigned after flipping the sign bit, so slot order follows the signed
 * order of the sorted vocabulary); keys go in ascending order, each to its home slot or the slot
 * after the previous key, so the occupied slots hold the keys in column order, and from a key's
 * home slot on the keys smaller than it come first: {@link #find} counts them in a window of
 * slots without branching on what it reads. Each slot has a row of weights in a second array, and
 * slots sorted in ascending order visit the features in column order, the order scores are
 * defined in. Keys take 8 bytes a slot (the default model's 42k features: 512 KB, where the
 * {@link FeatureIndex} took 1 MB). {@link #touchHome} reads ahead, so that a caller can start
 * the cache misses of all the features of a text before it looks any up. Immutable
 * and thread-safe.
 */
final class OrderedTable {
  /** What an empty slot holds: larger than any other key, so every scan stops there. */
  private static final long EMPTY = Long.MAX_VALUE;
  private final int shift;
  /** The key of each slot, or {@link #EMPTY}. */
  private final long[] keys;
  /** The slot of the key {@link #EMPTY} when it is in the vocabulary (it cannot mark itself), or -1. */
  private final int emptyKeySlot;
  private final int[] columns;
  /** Slot-major: the weight of the feature in slot s for output o is at {@code s * outputs + o}. */
  private final float[] weights;
  private final int outputs;
  /** The number of slots; also the slot {@link #find} answers for a key it does not hold. */
  private final int slots;
  /**
   * How many slots from home a lookup compares at once, without branching on what it reads: a
   * branch on a key that has to come from memory stalls the lookups that follow whenever it is
   * mispredicted, and at the table's load a key sits one to three slots from home about as often
   * as at home. Farther keys (well under 1% of them) are scanned for one at a time.
   */
  static final int WINDOW = 8;

  /**
   * The longest distance a key may sit from its home slot: a lookup scans at most this far. Hashes
   * from the featurizer are well mixed and stay far below it; a model file with keys crowded
   * together on purpose would not, and is scored through its {@link FeatureIndex} instead.
   */
  static final int MAX_DISPLACEMENT = 256;

  /**
   * A table of the index's keys with the weights of a model of {@code outputs} outputs, or null
   * when some key would sit more than {@link #MAX_DISPLACEMENT} slots from its home.
   *
   * @param columnWeights column-major weights, {@code index.size() * outputs} of them
   */
  static OrderedTable of(FeatureIndex index, float[] columnWeights, int outputs) {
    OrderedTable t = new OrderedTable(index, columnWeights, outputs);
    return t.displacement <= MAX_DISPLACEMENT ? t : null;
  }

  /** The largest distance of a key from its home slot. */
  private int displacement;

  OrderedTable(FeatureIndex index, float[] columnWeights, int outputs) {
    int n = index.size();
    // home slots for a load of at most 3/4: short runs, and 512 KB of keys for 33k features
    long capacity = Math.max(4, Long.highestOneBit(Math.max(1, (4L * n + 2) / 3 - 1)) << 1);
    int bits = Long.numberOfTrailingZeros(capacity);
    this.shift = 64 - bits;
    int[] position = new int[n];
    int last = -1;
    for (int i = 0; i < n; i++) {
      int home = home(index.key(i));
      position[i] = Math.max(home, last + 1);
      displacement = Math.max(displacement, position[i] - home);
      last = position[i];
    }
    // every home slot exists, and an empty slot after the last key stops every scan
    int slots = (int) Math.max(last + 2L, capacity);
    if (displacement > MAX_DISPLACEMENT) {
      this.keys = null;
      this.slots = 0;
      this.columns = null;
      this.weights = null;
      this.outputs = outputs;
      this.emptyKeySlot = -1;
      return; // refused by of(); nothing more to build
    }
    this.slots = slots;
    // WINDOW slots of padding, so that the window of a lookup never runs past the end
    this.keys = new long[slots + WINDOW];
    java.util.Arrays.fill(keys, EMPTY);
    this.columns = new int[slots];
    java.util.Arrays.fill(columns, -1);
    this.outputs = outputs;
    // one more row (of zeros) for missing()
    this.weights = new float[(slots + 1) * outputs];
    for (int i = 0; i < n; i++) {
      int s = position[i];
      keys[s] = index.key(i);
      columns[s] = i;
      System.arraycopy(columnWeights, i * outputs, weights, s * outputs, outputs);
    }
    this.emptyKeySlot = n > 0 && index.key(n - 1) == EMPTY ? position[n - 1] : -1;
  }

  private int home(long key) {
    return (int) ((key ^ Long.MIN_VALUE) >>> shift);
  }

  /**
   * The number of slots plus one: the capacity a {@link ColumnSet} of the slots that {@link #find}
   * answers needs.
   */
  int setCapacity() {
    return slots + 1;
  }

  /** The slot that {@link #find} answers for a key that is not in the vocabulary. */
  int missing() {
    return slots;
  }

  /** The slot holding the key, or -1 when the key is not in the vocabulary. */
  int slot(long key) {
    int s = find(key);
    return s == slots ? -1 : s;
  }

  /**
   * The slot holding the key, or {@link #missing()} when the key is not in the vocabulary. From
   * the home slot on, the keys smaller than this one come first (a run holds its keys in
   * ascending order, and the keys after an empty slot are larger), so their count in the window
   * is the key's distance from home.
   */
  int find(long key) {
    if (key == EMPTY) {
      return emptyKeySlot < 0 ? slots : emptyKeySlot;
    }
    int s = home(key);
    long[] k = keys;
    // a binary search of the window's first eight slots: the keys smaller than this one are a
    // prefix of it, and three steps find its length (up to 7) without a branch
    s += below(k[s + 3], key) << 2;
    s += below(k[s + 1], key) << 1;
    s += below(k[s], key);
    while (k[s] < key) {
      s++;
    }
    return k[s] == key ? s : slots;
  }

  /** 1 when {@code a < b} (signed), else 0, computed without a branch (Hacker's Delight 2-12). */
  private static int below(long a, long b) {
    long diff = a - b;
    return (int) ((diff ^ ((a ^ b) & (diff ^ a))) >>> 63);
  }

  /** The vocabulary column of an occupied slot. */
  int column(int slot) {
    return columns[slot];
  }

  /**
   * Reads the window of slots a lookup of the key compares, and returns what it read: reading
   * them early, for every feature of a text before any is looked up, overlaps the cache misses.
   */
  long touchHome(long key) {
    int s = home(key);
    // the window's first and last key: its one or two cache lines
    return keys[s] ^ keys[s + WINDOW - 1];
  }

  /**
   * Adds the weights of the features in {@code slots[0..n)} to {@code z}, one per output, each
   * output's weights in the order of the slots. Four outputs at a time are summed in registers
   * over all the slots (then two, then one), so the sums are not stored and reloaded per feature.
   */
  void addRows(int[] slots, int n, double[] z) {
    float[] w = weights;
    int k = outputs;
    int o = 0;
    for (; o + 4 <= k; o += 4) {
      double a0 = z[o];
      double a1 = z[o + 1];
      double a2 = z[o + 2];
      double a3 = z[o + 3];
      for (int j = 0; j < n; j++) {
        int base = slots[j] * k + o;
        a0 += w[base];
        a1 += w[base + 1];
        a2 += w[base + 2];
        a3 += w[base + 3];
      }
      z[o] = a0;
      z[o + 1] = a1;
      z[o + 2] = a2;
      z[o + 3] = a3;
    }
    if (o + 2 <= k) {
      double a0 = z[o];
      double a1 = z[o + 1];
      for (int j = 0; j < n; j++) {
        int base = slots[j] * k + o;
        a0 += w[base];
        a1 += w[base + 1];
      }
      z[o] = a0;
      z[o + 1] = a1;
      o += 2;
    }
    if (o < k) {
      double a0 = z[o];
      for (int j = 0; j < n; j++) {
        a0 += w[slots[j] * k + o];
      }
      z[o] = a0;
    }
  }

  /** Adds the weights of the slot's feature to {@code z}, one per output. */
  void addWeights(int slot, double[] z) {
    int base = slot * outputs;
    for (int o = 0; o < outputs; o++) {
      z[o] += weights[base + o];
    }
  }
}
