package io.github.demarche.train;

import io.github.demarche.data.Example;
import io.github.demarche.features.FeatureIndex;
import io.github.demarche.features.Featurizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The training data as one sparse binary matrix, built once per training run and shared by every
 * fit (calibration folds and the final model), so features are extracted once and the data is
 * held once. Columns are the features seen in at least {@code minCount} examples; each row lists
 * its columns in feature-hash order (the order the model file and Smile's fits use), but the
 * column numbers themselves are ranks by document frequency, so the weights of common features
 * sit together in memory and the fits' random accesses mostly hit the CPU caches. Immutable after
 * construction; safe to share between threads.
 */
final class FeatureMatrix {
  /** The vocabulary: feature hashes in increasing order; hash index h is {@code keys[h]}. */
  final long[] keys;
  /** The column (frequency rank) of hash index h. */
  final int[] columnOfHash;
  /** The hash index of column c. */
  final int[] hashOfColumn;
  /** Row i's columns are {@code entries[start[i]] .. entries[start[i + 1] - 1]}. */
  final int[] start;
  final int[] entries;

  private FeatureMatrix(long[] keys, int[] columnOfHash, int[] hashOfColumn, int[] start,
      int[] entries) {
    this.keys = keys;
    this.columnOfHash = columnOfHash;
    this.hashOfColumn = hashOfColumn;
    this.start = start;
    this.entries = entries;
  }

  /** The number of columns (vocabulary size). */
  int columns() {
    return keys.length;
  }

  /** The number of rows (examples). */
  int rows() {
    return start.length - 1;
  }

  /**
   * Extracts the features of every example (in parallel; the result does not depend on the
   * thread count) and keeps those seen in at least {@code minCount} examples.
   */
  static FeatureMatrix of(List<Example> examples, Featurizer featurizer, int minCount) {
    int n = examples.size();
    long[][] rows = new long[n][];
    IntStream.range(0, n).parallel().forEach(i -> {
      Example e = examples.get(i);
      long[] h = featurizer.features(e.text(), e.target());
      Arrays.sort(h);
      rows[i] = Arrays.copyOf(h, unique(h));
    });
    int total = 0;
    for (long[] r : rows) {
      total += r.length;
    }
    long[] all = new long[total];
    for (int i = 0, at = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, all, at, rows[i].length);
      at += rows[i].length;
    }
    Arrays.parallelSort(all);
    // distinct hashes and their document frequencies (each row lists a hash at most once)
    int distinct = 0;
    for (int i = 0; i < total; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    long[] hashes = new long[distinct];
    int[] df = new int[distinct];
    for (int i = 0, d = -1; i < total; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        hashes[++d] = all[i];
      }
      df[d]++;
    }
    all = null;
    int kept = 0;
    for (int c : df) {
      kept += c >= minCount ? 1 : 0;
    }
    long[] keys = new long[kept];
    int[] keptDf = new int[kept];
    for (int i = 0, k = 0; i < distinct; i++) {
      if (df[i] >= minCount) {
        keys[k] = hashes[i];
        keptDf[k++] = df[i];
      }
    }
    // columns by decreasing document frequency, ties in hash order
    Integer[] order = new Integer[kept];
    for (int i = 0; i < kept; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> keptDf[a] != keptDf[b] ? Integer.compare(keptDf[b], keptDf[a])
        : Integer.compare(a, b));
    int[] hashOfColumn = new int[kept];
    int[] columnOfHash = new int[kept];
    for (int c = 0; c < kept; c++) {
      hashOfColumn[c] = order[c];
      columnOfHash[order[c]] = c;
    }
    FeatureIndex index = new FeatureIndex(keys);
    int[][] columnsOfRow = new int[n][];
    IntStream.range(0, n).parallel().forEach(i -> {
      int[] cols = new int[rows[i].length];
      int m = 0;
      for (long h : rows[i]) {
        int hashIndex = index.get(h);
        if (hashIndex >= 0) {
          cols[m++] = columnOfHash[hashIndex];
        }
      }
      rows[i] = null;
      columnsOfRow[i] = m == cols.length ? cols : Arrays.copyOf(cols, m);
    });
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + columnsOfRow[i].length;
    }
    int[] entries = new int[start[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(columnsOfRow[i], 0, entries, start[i], columnsOfRow[i].length);
      columnsOfRow[i] = null;
    }
    return new FeatureMatrix(keys, columnOfHash, hashOfColumn, start, entries);
  }

  private static int unique(long[] sorted) {
    int u = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (u == 0 || sorted[u - 1] != sorted[i]) {
        sorted[u++] = sorted[i];
      }
    }
    return u;
  }

  /**
   * The vocabulary of a fit on some rows: the columns seen in at least {@code minCount} of them,
   * listed in hash order (the fit's own column j is {@code result[j]}).
   */
  int[] vocabulary(int[] rowIndices, int minCount) {
    int[] df = new int[columns()];
    for (int r : rowIndices) {
      for (int e = start[r]; e < start[r + 1]; e++) {
        df[entries[e]]++;
      }
    }
    int count = 0;
    for (int c : df) {
      count += c >= minCount ? 1 : 0;
    }
    int[] out = new int[count];
    for (int h = 0, j = 0; h < keys.length; h++) {
      int c = columnOfHash[h];
      if (df[c] >= minCount) {
        out[j++] = c;
      }
    }
    return out;
  }

  /** The hashes of a vocabulary (as {@link #vocabulary} returns), in increasing order. */
  long[] hashesOf(int[] vocabulary) {
    long[] out = new long[vocabulary.length];
    for (int j = 0; j < vocabulary.length; j++) {
      out[j] = keys[hashOfColumn[vocabulary[j]]];
    }
    return out;
  }
}
