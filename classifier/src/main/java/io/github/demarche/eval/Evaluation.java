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
 * @param confusion counts by gold label then predicted label (a statement counts once per pair
 *     of its gold and predicted labels; empty when there are no statements). Rows and columns
 *     hold the same labels in the same (taxonomy) order, zeros included, so the diagonal is the
 *     correct predictions (for multi-label data, each label's true positives)
 * @param unknownLabels gold labels the model does not know, with how often they occur
 * @param errors the worst misclassified statements, worst first
 * @param calibrationError expected calibration error of the label scores (10 equal-width bins
 *     over every label decision except the exclusive label), or NaN when no scores were given
 * @param reliability the bins behind {@code calibrationError}, lowest scores first (empty when no
 *     scores were given): what a reliability diagram draws
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
    double calibrationError,
    List<ReliabilityBin> reliability) {

  /**
   * An evaluation without reliability bins (the form before they were added).
   *
   * @param n number of statements evaluated
   * @param accuracy share whose predicted label set equals the gold set exactly
   * @param microPrecision precision over all label decisions
   * @param microRecall recall over all label decisions
   * @param microF1 F1 over all label decisions
   * @param macroF1 mean F1 of the labels that occur
   * @param perLabel scores per label
   * @param confusion counts by gold label then predicted label
   * @param unknownLabels gold labels the model does not know
   * @param errors the worst misclassified statements
   * @param calibrationError expected calibration error, or NaN
   */
  public Evaluation(int n, double accuracy, double microPrecision, double microRecall,
      double microF1, double macroF1, Map<String, LabelScores> perLabel,
      Map<String, Map<String, Integer>> confusion, Map<String, Integer> unknownLabels,
      List<ErrorCase> errors, double calibrationError) {
    this(n, accuracy, microPrecision, microRecall, microF1, macroF1, perLabel, confusion,
        unknownLabels, errors, calibrationError, List.of());
  }

  /**
   * The headline figures under a prefix, as a model's provenance stores them: {@code
   * PREFIX.n}, {@code .accuracy}, {@code .micro_f1}, {@code .macro_f1}.
   */
  public Map<String, Double> headline(String prefix) {
    return Map.of(prefix + ".n", (double) n, prefix + ".accuracy", accuracy,
        prefix + ".micro_f1", microF1, prefix + ".macro_f1", macroF1);
  }

  /**
   * This evaluation with only its {@code max} worst errors.
   *
   * @param max how many errors to keep, at least 0
   * @return the same figures with fewer errors
   */
  public Evaluation withErrors(int max) {
    return new Evaluation(n, accuracy, microPrecision, microRecall, microF1, macroF1, perLabel,
        confusion, unknownLabels, errors.subList(0, Math.min(max, errors.size())),
        calibrationError, reliability);
  }

  /**
   * One misclassified statement, with how far the scores were from the gold labels. Immutable.
   *
   * @param id the record's id, or null
   * @param text the statement
   * @param gold its gold labels
   * @param predicted the labels predicted
   * @param loss summed squared distance between the scores and the gold labels
   * @param target the statement's stance target, or null
   */
  public record ErrorCase(String id, String text, List<String> gold, List<String> predicted,
      double loss, String target) {
    /**
     * An error case without a target.
     *
     * @param id the record's id, or null
     * @param text the statement
     * @param gold its gold labels
     * @param predicted the labels predicted
     * @param loss summed squared distance between the scores and the gold labels
     */
    public ErrorCase(String id, String text, List<String> gold, List<String> predicted, double loss) {
      this(id, text, gold, predicted, loss, null);
    }
  }

  /**
   * One bin of label scores, {@code [from, to)} (the last bin includes 1). For calibrated scores
   * the mean score and the share of right labels agree. Immutable.
   *
   * @param from lowest score of the bin
   * @param to highest score of the bin (exclusive, but for the last bin)
   * @param count how many label decisions fell in it
   * @param meanScore their mean score (0 when the bin is empty)
   * @param positiveRate the share of them whose label was a gold label (0 when empty)
   */
  public record ReliabilityBin(double from, double to, int count, double meanScore,
      double positiveRate) {
    /**
     * Checks that the bin lies in [0, 1] and its count is not negative.
     *
     * @param from lowest score of the bin
     * @param to highest score of the bin
     * @param count label decisions in it
     * @param meanScore their mean score
     * @param positiveRate the share of them that were right
     */
    public ReliabilityBin {
      if (!(from >= 0 && from < to && to <= 1) || count < 0) {
        throw new IllegalArgumentException("bad reliability bin [" + from + ", " + to + "), count "
            + count);
      }
    }
  }
}
