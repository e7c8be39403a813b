package io.github.demarche.benchmarks;

import io.github.demarche.data.Example;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes training sets of any size from a corpus by recombining its statements: each new
 * statement joins the first half of one statement's words to the second half of another's and
 * carries the labels of both (the exclusive "none" only when both were "none"). Deterministic: the
 * same corpus, size and seed give the same examples. Stateless and thread-safe.
 */
public final class SyntheticCorpus {
  /** Statements per synthetic source, so grouped calibration folds have groups to deal. */
  static final int GROUP_SIZE = 20;

  private SyntheticCorpus() {}

  /**
   * {@code size} recombined examples.
   *
   * @throws IllegalArgumentException when the corpus is empty or the size is not positive
   */
  public static List<Example> of(List<Example> corpus, int size, long seed) {
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("cannot recombine an empty corpus");
    }
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Example a = corpus.get(random.nextInt(corpus.size()));
      Example b = corpus.get(random.nextInt(corpus.size()));
      String[] wa = a.text().split(" ");
      String[] wb = b.text().split(" ");
      String text = String.join(" ", List.of(wa).subList(0, (wa.length + 1) / 2)) + " "
          + String.join(" ", List.of(wb).subList(wb.length / 2, wb.length));
      out.add(new Example("synthetic-" + i, text, labels(a, b), null,
          "synthetic-source-" + i / GROUP_SIZE));
    }
    return out;
  }

  private static List<String> labels(Example a, Example b) {
    Set<String> labels = new LinkedHashSet<>(a.labels());
    labels.addAll(b.labels());
    if (labels.size() > 1) {
      labels.remove(Taxonomy.NONE);
    }
    return List.copyOf(labels);
  }
}
