package io.github.demarche.explain;

import java.util.List;

/**
 * Why a model gave a label its score: the label, the score, and the words and phrases that moved
 * the label's raw score (logit) away from what a neutral statement, one with no words, gets.
 * Strongest first. Immutable and thread-safe.
 *
 * @param label the label explained
 * @param score its calibrated score
 * @param contributions the largest contributions to its logit relative to the neutral baseline,
 *     by absolute weight; function words on their own are left out
 * @param baseline the logit of a statement with no words (and the same target): the bias and the
 *     features every statement has
 * @param functionWords the summed weight of the function words left out of the contributions
 *     (articles, prepositions, pronouns, auxiliaries; never negations or modals)
 */
public record Explanation(
    String label, double score, List<Contribution> contributions, double baseline,
    double functionWords) {
  public Explanation {
    contributions = List.copyOf(contributions);
  }
}
