package io.github.demarche.train;

import io.github.demarche.data.Example;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded K-fold assignment that keeps every group (a record's {@code source}) in one fold, so no
 * document's sentences fall on both sides of a split. Records without a group are groups of
 * their own. Stateless and thread-safe.
 */
public final class Folds {
  private Folds() {}

  /**
   * The fold (0..k-1) of every example, in example order. Groups are shuffled with the seed and
   * dealt to the fold with the fewest examples so far, so folds stay balanced.
   *
   * @throws IllegalArgumentException when there are fewer groups than folds
   */
  public static int[] assign(List<Example> examples, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("need at least 2 folds, was " + k);
    }
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      String g = examples.get(i).group();
      groups.computeIfAbsent(g == null ? "\u0000#" + i : g, x -> new ArrayList<>()).add(i);
    }
    if (groups.size() < k) {
      throw new IllegalArgumentException(
          "cannot make " + k + " folds from " + groups.size() + " groups (sources) of records");
    }
    List<List<Integer>> shuffled = new ArrayList<>(groups.values());
    Collections.shuffle(shuffled, new Random(seed));
    // biggest groups first keeps the folds even; the seeded shuffle breaks ties
    shuffled.sort((a, b) -> Integer.compare(b.size(), a.size()));
    int[] fold = new int[examples.size()];
    int[] sizes = new int[k];
    for (List<Integer> group : shuffled) {
      int f = 0;
      for (int i = 1; i < k; i++) {
        if (sizes[i] < sizes[f]) {
          f = i;
        }
      }
      sizes[f] += group.size();
      for (int i : group) {
        fold[i] = f;
      }
    }
    return fold;
  }
}
