package io.github.demarche.model;

import java.util.Map;

/**
 * Where a model came from: library version, training data digest and size, label counts,
 * hyperparameters and seed, and the metrics measured when it was trained. Saved in the model
 * file's manifest. No wall-clock time is kept, so the same data and seed give the same bytes.
 * Immutable and thread-safe.
 *
 * @param libraryVersion the Demarche version that trained it
 * @param dataSha256 SHA-256 over the training examples' text, labels, target and group
 * @param examples number of training examples
 * @param labelCounts examples per label
 * @param hyperparameters the training configuration as key/value strings
 * @param metrics named figures (e.g. "dev.macro_f1") measured at training time
 */
public record Provenance(
    String libraryVersion,
    String dataSha256,
    int examples,
    Map<String, Integer> labelCounts,
    Map<String, String> hyperparameters,
    Map<String, Double> metrics) {
  public Provenance {
    labelCounts = Map.copyOf(labelCounts);
    hyperparameters = Map.copyOf(hyperparameters);
    metrics = Map.copyOf(metrics);
  }

  /** This provenance with extra metrics added. */
  public Provenance withMetrics(Map<String, Double> more) {
    java.util.Map<String, Double> all = new java.util.HashMap<>(metrics);
    all.putAll(more);
    return new Provenance(libraryVersion, dataSha256, examples, labelCounts, hyperparameters, all);
  }
}
