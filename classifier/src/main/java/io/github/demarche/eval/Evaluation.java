package io.github.demarche.eval;

import java.util.List;
import java.util.Map;

/**
 * The figures of one evaluation: exact-match accuracy, micro and macro averages, per-label
 * scores, and the statements the model got most wrong. Immutable and thread-safe.
 *
 * @param n number of statements evaluated
 * @param accuracy share whose predicted label set equals the gold set exactly
 * @param microPrecision precision over all label decisions
 * @param microRecall recall over all label decisions
 * @param microF1 F1 over all label decisions
 * @param macroF1 mean F1 of the labels that occur in the gold data or the predictions
 * @param perLabel scores per label, in taxonomy order
 * @param confusion for single-label data, counts by gold label then predicted label; else empty
 * @param unknownLabels gold labels the model does not know, with how often they occur
 * @param errors the worst misclassified statements, worst first
 * @param calibrationError expected calibration error of the label scores (10 equal-width bins
 *     over every label decision except the exclusive label), or NaN when no scores were given
 */
public record Evaluation(
    int n,
    double accuracy,
    double microPrecision,
    double microRecall,
    double microF1,
    double macroF1,
    Map<String, LabelScores> perLabel,
    Map<String, Map<String, Integer>> confusion,
    Map<String, Integer> unknownLabels,
    List<ErrorCase> errors,
    double calibrationError) {

  /**
   * The headline figures under a prefix, as a model's provenance stores them: {@code
   * PREFIX.n}, {@code .accuracy}, {@code .micro_f1}, {@code .macro_f1}.
   */
  public Map<String, Double> headline(String prefix) {
    return Map.of(prefix + ".n", (double) n, prefix + ".accuracy", accuracy,
        prefix + ".micro_f1", microF1, prefix + ".macro_f1", macroF1);
  }

  /** One misclassified statement, with how far the scores were from the gold labels. */
  public record ErrorCase(String id, String text, List<String> gold, List<String> predicted, double loss) {}
}
