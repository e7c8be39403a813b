package io.github.demarche.features;

import java.util.Arrays;

/**
 * A growable list of feature hashes that a {@link Featurizer} fills, so that one thread can reuse
 * it for statement after statement without allocating. Not thread-safe: keep one per thread.
 */
public final class FeatureBuffer {
  /** Texts longer than this get a character buffer of their own, not kept. */
  private static final int LARGEST_KEPT_TEXT = 1 << 16;
  private long[] hashes = new long[128];
  private int size;
  /** The last n word hashes while a text is featurized (n-grams are at most 4 words). */
  final long[] window = new long[4];
  /**
   * The hashes of the prefixes of the token being featurized, by length (the last entry takes
   * the longer ones, unread).
   */
  final long[] prefixes = new long[Featurizer.MAX_PREFIX + 2];
  /** {@link CameoVerbs}' state while a text is featurized: first person seen, verb pending. */
  boolean cameoFirstPerson;
  int cameoPendingBlock;
  int cameoPendingLeft;

  /** The characters of the text being featurized. */
  private char[] chars = new char[256];

  /**
   * A buffer of at least {@code length} characters, for the text being featurized: reading a
   * char array is cheaper than {@code String.charAt}, which checks the string's coding each time.
   */
  char[] chars(int length) {
    if (length > LARGEST_KEPT_TEXT) {
      return new char[length];
    }
    if (chars.length < length) {
      chars = new char[Math.min(Math.max(length, chars.length * 2), LARGEST_KEPT_TEXT)];
    }
    return chars;
  }

  /** The number of hashes held. */
  public int size() {
    return size;
  }

  /** The i-th hash, in emission order. */
  public long get(int i) {
    return hashes[i];
  }

  /** A copy of the hashes, in emission order. */
  public long[] toArray() {
    return Arrays.copyOf(hashes, size);
  }

  void clear() {
    size = 0;
    cameoFirstPerson = false;
    cameoPendingLeft = 0;
  }

  void add(long hash) {
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    hashes[size++] = hash;
  }

  /**
   * Replaces every hash h from position {@code from} on with the pair h, conjoined(h), in order,
   * working from the back so no hash is overwritten before it is read.
   */
  void conjoin(int from, long target) {
    int n = size - from;
    if (from + 2 * n > hashes.length) {
      hashes = Arrays.copyOf(hashes, Math.max(hashes.length * 2, from + 2 * n));
    }
    for (int i = size - 1; i >= from; i--) {
      long h = hashes[i];
      int at = from + 2 * (i - from);
      hashes[at] = h;
      hashes[at + 1] = Featurizer.conjoined(h, target);
    }
    size = from + 2 * n;
  }
}
