package io.github.demarche.data;

import java.util.List;

/**
 * One labelled statement for training or evaluation. Immutable and thread-safe.
 *
 * @param id the record's id, or null when it has none
 * @param text the statement
 * @param labels its labels, at least one, no repeats
 * @param target the stance target, or null
 * @param group what keeps records together in cross-validation folds (the record's {@code
 *     source}), or null
 */
public record Example(String id, String text, List<String> labels, String target, String group) {
  public Example {
    if (text == null || io.github.demarche.api.Texts.isBlank(text)) {
      throw new IllegalArgumentException("example text must not be blank");
    }
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("example must have at least one label");
    }
    labels = List.copyOf(labels);
    if (labels.stream().distinct().count() != labels.size()) {
      throw new IllegalArgumentException("example repeats a label: " + labels);
    }
  }
}
