package io.github.demarche.explain;

import java.util.List;

/**
 * Why a model gave a label its score: the label, the score, and the words that contributed most,
 * strongest first. Immutable and thread-safe.
 *
 * @param label the label explained
 * @param score its calibrated score
 * @param contributions the largest contributions to its logit, by absolute weight
 */
public record Explanation(String label, double score, List<Contribution> contributions) {
  public Explanation {
    contributions = List.copyOf(contributions);
  }
}
