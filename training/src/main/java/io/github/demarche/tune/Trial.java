package io.github.demarche.tune;

import io.github.demarche.train.TrainingConfig;
import java.util.Map;

/**
 * One configuration the autotuner cross-validated. Immutable and thread-safe.
 *
 * @param number 1 for the starting configuration, then in the order tried
 * @param change what this trial changed from the best configuration so far ("start" for the first)
 * @param config the whole configuration
 * @param differences its settings that differ from the starting configuration, in key order
 * @param score the tuning objective: cross-validated macro-F1, or mean F1 of the scored labels
 * @param macroF1 cross-validated macro-F1 over all labels
 * @param seconds how long its cross-validation took
 * @param improved whether it beat every earlier trial (and so became the best so far)
 */
public record Trial(int number, String change, TrainingConfig config,
    Map<String, String> differences, double score, double macroF1, double seconds,
    boolean improved) {

  public Trial {
    differences = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(differences));
  }
}
