package io.github.demarche.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Every label's score for one input, in the order of the classifier's taxonomy: what {@link
 * StanceClassifier#scores(StanceInput)} returns. Look a label up with {@link #get(String)},
 * iterate over {@link Entry label and score} pairs, or take the {@link #best()}. Immutable and
 * thread-safe.
 */
public final class Scores implements Iterable<Scores.Entry> {

  /**
   * One label and its score.
   *
   * @param label the label's name
   * @param score its score, in [0, 1] for calibrated classifiers
   */
  public record Entry(String label, double score) {
    /** Checks that the label is named. */
    public Entry {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("label must not be blank");
      }
    }
  }

  private final List<String> labels;
  private final double[] values;

  /**
   * The scores of the given labels.
   *
   * @param labels the label names, in order, without repeats
   * @param values one score per label, in the same order (copied)
   * @throws IllegalArgumentException when the sizes differ, a label repeats or a score is NaN
   */
  public Scores(List<String> labels, double[] values) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(values, "values");
    if (labels.size() != values.length) {
      throw new IllegalArgumentException(
          labels.size() + " labels but " + values.length + " scores");
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("scores need at least one label");
    }
    if (java.util.Set.copyOf(labels).size() != labels.size()) {
      throw new IllegalArgumentException("labels repeat: " + labels);
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("score of '" + labels.get(i) + "' is NaN");
      }
    }
    this.labels = List.copyOf(labels);
    this.values = values.clone();
  }

  /** The label names, in taxonomy order. */
  public List<String> labels() {
    return labels;
  }

  /** The number of labels. */
  public int size() {
    return labels.size();
  }

  /**
   * The score of a label.
   *
   * @throws IllegalArgumentException when the label is not one of these scores' labels
   */
  public double get(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("'" + label + "' is not a label; labels are " + labels);
    }
    return values[i];
  }

  /** The label with the highest score and that score (the first such label on a tie). */
  public Entry best() {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return new Entry(labels.get(best), values[best]);
  }

  /** The scores in taxonomy order, as a new array (for numeric work). */
  public double[] toArray() {
    return values.clone();
  }

  /** The scores as an unmodifiable map from label to score, in taxonomy order. */
  public Map<String, Double> asMap() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      out.put(labels.get(i), values[i]);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Label and score pairs, in taxonomy order. */
  @Override
  public Iterator<Entry> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < values.length;
      }

      @Override
      public Entry next() {
        if (next >= values.length) {
          throw new NoSuchElementException();
        }
        Entry e = new Entry(labels.get(next), values[next]);
        next++;
        return e;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scores s && s.labels.equals(labels) && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Scores{");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(labels.get(i)).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
