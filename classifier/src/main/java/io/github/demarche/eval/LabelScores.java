package io.github.demarche.eval;

/**
 * Precision, recall and F1 of one label, with its support (gold count) and error counts.
 * Immutable and thread-safe.
 */
public record LabelScores(
    String label, double precision, double recall, double f1, int support, int truePositives,
    int falsePositives, int falseNegatives) {

  static LabelScores of(String label, int tp, int fp, int fn) {
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    return new LabelScores(label, p, r, f, tp + fn, tp, fp, fn);
  }
}
