package io.github.demarche.model;

import io.github.demarche.features.FeatureIndex;

/**
 * The scoring path's view of a model's vocabulary and weights, laid out for the CPU's caches: an
 * open-addressing table whose slot order is the columns' order. A key's home slot is the top bits
 * of the hash (taken as unsigned after flipping the sign bit, so slot order follows the signed
 * order of the sorted vocabulary); keys go in ascending order, each to its home slot or the slot
 * after the previous key, so the occupied slots hold the keys in column order, and from a key's
 * home slot on the keys smaller than it come first.
 *
 * <p>Two arrays hold the table. The top half of each slot's key, 4 bytes a slot (the default
 * model's 42k features: 256 KB, small enough to stay in the second-level cache), is what a lookup
 * searches: {@link #candidate} counts the top halves below the sought one in a window of slots
 * without branching on what it reads. The rows hold each slot's low key half and weights (a
 * 64-byte cache line for up to 15 outputs), so that {@link #verify} reads the one row the
 * candidate names, a miss that brings the weights with it, instead of a window of whole keys and
 * then a row (about 7% more statements a second in paired rounds). Slots sorted
 * in ascending order visit the features in column order, the order scores are defined in.
 * {@link #touchHome} reads ahead, so that a caller can start the cache misses of all the features
 * of a text before it looks any up. Immutable and thread-safe.
 */
final class OrderedTable {
  /** What an empty slot holds: larger than any other key, so every scan stops there. */
  private static final long EMPTY = Long.MAX_VALUE;
  private static final int EMPTY_TOP = top(EMPTY);
  private final int shift;
  /** The top half of the key of each slot ({@link #top}), or that of {@link #EMPTY}. */
  private final int[] tops;
  /**
   * Slot-major rows of {@link #stride} ints: the low half of the slot's key, then the bits of its
   * weights, one float per output.
   */
  private final int[] rows;
  private final int stride;
  /** The slot of the key {@link #EMPTY} when it is in the vocabulary (it cannot mark itself), or -1. */
  private final int emptyKeySlot;
  private final int[] columns;
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

  /** Tables up to this many home slots get rows of a whole cache line (at most 64 MB). */
  private static final long PADDED_SLOTS = 1 << 20;

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
    // home slots for a load of at most 3/4: short runs
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
    this.outputs = outputs;
    // rows of 16 ints (a cache line) when they fit: then no row straddles two lines as long as
    // the array starts at the same place in a line as G1 puts large arrays (16 bytes in), so the
    // one read of a row brings all of it; 44 bytes for ten outputs would straddle 3 times in 5.
    // Tables of more than a million slots, far larger than the caches, are not padded.
    this.stride = outputs + 1 <= 16 && capacity <= PADDED_SLOTS ? 16 : outputs + 1;
    if (displacement > MAX_DISPLACEMENT) {
      this.tops = null;
      this.rows = null;
      this.slots = 0;
      this.columns = null;
      this.emptyKeySlot = -1;
      return; // refused by of(); nothing more to build
    }
    this.slots = slots;
    // WINDOW slots of padding, so that the window of a lookup never runs past the end
    this.tops = new int[slots + WINDOW];
    java.util.Arrays.fill(tops, EMPTY_TOP);
    this.columns = new int[slots];
    java.util.Arrays.fill(columns, -1);
    // one more row (of zeros) for missing()
    this.rows = new int[(slots + 1) * stride];
    for (int s = 0; s < slots; s++) {
      rows[s * stride] = (int) EMPTY;
    }
    for (int i = 0; i < n; i++) {
      int s = position[i];
      long key = index.key(i);
      tops[s] = top(key);
      rows[s * stride] = (int) key;
      columns[s] = i;
      for (int o = 0; o < outputs; o++) {
        rows[s * stride + 1 + o] = Float.floatToRawIntBits(columnWeights[i * outputs + o]);
      }
    }
    this.emptyKeySlot = n > 0 && index.key(n - 1) == EMPTY ? position[n - 1] : -1;
  }

  private int home(long key) {
    return (int) ((key ^ Long.MIN_VALUE) >>> shift);
  }

  /** The top half of a key, signed: keys in ascending order have top halves in ascending order. */
  private static int top(long key) {
    return (int) (key >> 32);
  }

  /**
   * The number of slots plus one: the capacity a set of the slots that {@link #find} answers
   * needs.
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

  /** The slot holding the key, or {@link #missing()} when the key is not in the vocabulary. */
  int find(long key) {
    return verify(candidate(key), key);
  }

  /**
   * The first slot from the key's home whose key's top half is not below the key's: the key's
   * slot when the vocabulary holds it (unless another key shares its top half, which {@link
   * #verify} sorts out). From the home slot on, the keys smaller than this one come first (a run
   * holds its keys in ascending order, and the keys after an empty slot are larger), so the count
   * of smaller top halves in the window is the distance from home. Reads only the top halves.
   */
  int candidate(long key) {
    int top = top(key);
    int s = home(key);
    int[] t = tops;
    // a binary search of the window's first eight slots: the top halves below this one are a
    // prefix of it, and three steps find its length (up to 7) without a branch
    s += below(t[s + 3], top) << 2;
    s += below(t[s + 1], top) << 1;
    s += below(t[s], top);
    while (t[s] < top) {
      s++;
    }
    return s;
  }

  /**
   * The slot holding the key, given its {@link #candidate}, or {@link #missing()}: compares the
   * low half of the key with the candidate's row, the one read of the rows a lookup makes.
   */
  int verify(int candidate, long key) {
    if (key == EMPTY) {
      return emptyKeySlot < 0 ? slots : emptyKeySlot;
    }
    int top = top(key);
    boolean sameTop = tops[candidate] == top;
    boolean sameLow = rows[candidate * stride] == (int) key;
    if (sameTop & !sameLow) {
      // keys sharing a top half (about one lookup in 100,000 for the default model)
      return scan(candidate, key);
    }
    return sameTop & sameLow ? candidate : slots;
  }

  /** The slot of the key among the slots from {@code s} on whose keys share its top half. */
  private int scan(int s, long key) {
    int top = top(key);
    for (; tops[s] == top; s++) {
      long k = ((long) top << 32) | (rows[s * stride] & 0xffffffffL);
      if (k == key) {
        return s;
      }
      if (k > key) {
        break;
      }
    }
    return slots;
  }

  /** 1 when {@code a < b} (signed), else 0, computed without a branch. */
  private static int below(int a, int b) {
    return (int) (((long) a - b) >>> 63);
  }

  /** The vocabulary column of an occupied slot. */
  int column(int slot) {
    return columns[slot];
  }

  /**
   * Reads the window of slots a lookup of the key compares, and returns what it read: reading
   * them early, for every feature of a text before any is looked up, overlaps the cache misses.
   */
  int touchHome(long key) {
    int s = home(key);
    // the window's first and last top half: its one or two cache lines
    return tops[s] ^ tops[s + WINDOW - 1];
  }

  /**
   * Adds the weights of the features in {@code slots[0..n)} to {@code z}, one per output, each
   * output's weights in the order of the slots. Eight outputs at a time are summed in registers
   * over all the slots (then two, then one: two passes for ten outputs), so the sums are not
   * stored and reloaded per feature.
   */
  void addRows(int[] slots, int n, double[] z) {
    int[] r = rows;
    int k = outputs;
    int st = stride;
    int o = 0;
    for (; o + 8 <= k; o += 8) {
      double a0 = z[o];
      double a1 = z[o + 1];
      double a2 = z[o + 2];
      double a3 = z[o + 3];
      double a4 = z[o + 4];
      double a5 = z[o + 5];
      double a6 = z[o + 6];
      double a7 = z[o + 7];
      for (int j = 0; j < n; j++) {
        int base = slots[j] * st + 1 + o;
        a0 += Float.intBitsToFloat(r[base]);
        a1 += Float.intBitsToFloat(r[base + 1]);
        a2 += Float.intBitsToFloat(r[base + 2]);
        a3 += Float.intBitsToFloat(r[base + 3]);
        a4 += Float.intBitsToFloat(r[base + 4]);
        a5 += Float.intBitsToFloat(r[base + 5]);
        a6 += Float.intBitsToFloat(r[base + 6]);
        a7 += Float.intBitsToFloat(r[base + 7]);
      }
      z[o] = a0;
      z[o + 1] = a1;
      z[o + 2] = a2;
      z[o + 3] = a3;
      z[o + 4] = a4;
      z[o + 5] = a5;
      z[o + 6] = a6;
      z[o + 7] = a7;
    }
    for (; o + 2 <= k; o += 2) {
      double a0 = z[o];
      double a1 = z[o + 1];
      for (int j = 0; j < n; j++) {
        int base = slots[j] * st + 1 + o;
        a0 += Float.intBitsToFloat(r[base]);
        a1 += Float.intBitsToFloat(r[base + 1]);
      }
      z[o] = a0;
      z[o + 1] = a1;
    }
    if (o < k) {
      double a0 = z[o];
      for (int j = 0; j < n; j++) {
        a0 += Float.intBitsToFloat(r[slots[j] * st + 1 + o]);
      }
      z[o] = a0;
    }
  }

  /** Adds the weights of the slot's feature to {@code z}, one per output. */
  void addWeights(int slot, double[] z) {
    int base = slot * stride + 1;
    for (int o = 0; o < outputs; o++) {
      z[o] += Float.intBitsToFloat(rows[base + o]);
    }
  }
}
