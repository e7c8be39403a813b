package io.github.demarche.model;

/** How a model turns scores into positions. Immutable and thread-safe. */
public enum Mode {
  /**
   * One binary model per label; every label whose calibrated score passes its threshold is
   * assigned, and the exclusive label ("none") when none passes.
   */
  MULTI_LABEL,
  /** One multinomial model over all labels; the best label is assigned. */
  SINGLE_LABEL
}
