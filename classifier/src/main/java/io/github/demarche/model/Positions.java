package io.github.demarche.model;

import io.github.demarche.domain.Position;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules that turn label scores into positions, shared by every classifier of this library so
 * that they decide alike: a single-label model assigns its best label; a multi-label model assigns
 * every label that passes its threshold, and the exclusive label ("none") when none does or when
 * the exclusive label has an output of its own that passes and beats them all; without such an
 * output it is scored as the complement of the best other label. Stateless and thread-safe.
 */
public final class Positions {
  private static final Comparator<Position> BEST_FIRST =
      Comparator.comparingDouble(Position::score).reversed();

  private Positions() {}

  /** The taxonomy index of the exclusive label, or -1 when the taxonomy has none. */
  public static int exclusiveIndex(Taxonomy taxonomy) {
    return taxonomy.exclusiveLabel().map(taxonomy::indexOf).orElse(-1);
  }

  /**
   * Sets the score of the exclusive label, if the taxonomy has one, to one minus the best score
   * of the other labels.
   */
  public static void scoreExclusive(int exclusive, double bestOther, double[] scores) {
    if (exclusive >= 0) {
      scores[exclusive] = 1.0 - bestOther;
    }
  }

  /** The single best label of scores in taxonomy order (the first one on ties). */
  public static List<Position> best(Taxonomy taxonomy, double[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    List<Position> out = new ArrayList<>(1);
    out.add(new Position(taxonomy.labels().get(best).name(), clamp(scores[best])));
    return out;
  }

  /**
   * The labels of multi-label outputs whose scores reach their thresholds, best first; or the
   * exclusive label when none does (the best label when the taxonomy has no exclusive one), or
   * when the exclusive label is itself an output that reaches its threshold with a higher score
   * than every other label that does.
   *
   * @param outputLabels the taxonomy index of each output's label
   * @param thresholds the threshold of each output
   * @param scores the scores in taxonomy order
   */
  public static List<Position> passing(Taxonomy taxonomy, int[] outputLabels, double[] thresholds,
      double[] scores) {
    return passing(taxonomy, exclusiveIndex(taxonomy), outputLabels, thresholds, scores);
  }

  /**
   * {@link #passing(Taxonomy, int[], double[], double[])} with the taxonomy's {@link
   * #exclusiveIndex} given, for callers that keep it rather than look it up per statement.
   */
  public static List<Position> passing(Taxonomy taxonomy, int exclusive, int[] outputLabels,
      double[] thresholds, double[] scores) {
    List<Position> out = new ArrayList<>(2);
    int bestLabel = -1;
    double bestPassing = Double.NEGATIVE_INFINITY;
    boolean exclusivePasses = false;
    for (int o = 0; o < outputLabels.length; o++) {
      int l = outputLabels[o];
      if (l == exclusive) {
        exclusivePasses = scores[l] >= thresholds[o];
        continue;
      }
      if (bestLabel < 0 || scores[l] > scores[bestLabel]) {
        bestLabel = l;
      }
      if (scores[l] >= thresholds[o]) {
        out.add(new Position(taxonomy.labels().get(l).name(), clamp(scores[l])));
        bestPassing = Math.max(bestPassing, scores[l]);
      }
    }
    // an exclusive label with an output of its own wins when it passes and beats every other
    if (exclusivePasses && scores[exclusive] > bestPassing) {
      out.clear();
    }
    if (out.isEmpty()) {
      int l = exclusive >= 0 ? exclusive : bestLabel;
      out.add(new Position(taxonomy.labels().get(l).name(), clamp(scores[l])));
    }
    if (out.size() > 1) {
      out.sort(BEST_FIRST);
    }
    return out;
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
