package io.github.demarche.explain;

/**
 * How much one word or word sequence of a statement moved one label's raw score (logit).
 * Immutable and thread-safe.
 *
 * @param feature the words, as written (lower-cased), e.g. "accused" or "call on"; "(bias)" for
 *     what every statement gets, "(target)" for the target on its own
 * @param weight the summed weight of the model features it accounts for; positive pushes towards
 *     the label
 */
public record Contribution(String feature, double weight) {}
