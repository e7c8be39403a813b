package io.github.demarche.api;

import io.github.demarche.domain.Position;
import io.github.demarche.taxonomy.Labels;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the positions a statement takes. Implementations must be safe to share across
 * threads: one instance serves any number of concurrent callers.
 */
public interface StanceClassifier {

  /** The labels this classifier can assign. */
  Taxonomy taxonomy();

  /**
   * The positions the input takes, best first: the labels whose score passes their threshold,
   * or the taxonomy's exclusive label ("none") when none does. Never empty.
   */
  List<Position> classify(StanceInput input);

  /** The positions of a text without a target. */
  default List<Position> classify(String text) {
    return classify(StanceInput.of(text));
  }

  /**
   * Every label's score for the input, in taxonomy order, before thresholds are applied: {@code
   * scores(input).get(Labels.ACCUSATION)}, {@code scores(input).best()}. Labels the model cannot
   * score (an exclusive label in a multi-label model) get the complement of the best other score.
   */
  default Scores scores(StanceInput input) {
    return new Scores(taxonomy().names(), scoreArray(input));
  }

  /** Every label's score for a text without a target, as {@link #scores(StanceInput)}. */
  default Scores scores(String text) {
    return scores(StanceInput.of(text));
  }

  /**
   * The same scores as {@link #scores(StanceInput)}, as an array in taxonomy order ({@code
   * taxonomy().names()}), for numeric work that scores many inputs. Implementations provide this
   * method; the others derive from it.
   */
  double[] scoreArray(StanceInput input);

  /** Classifies many inputs; the result lists are in input order. */
  default List<List<Position>> classifyAll(List<StanceInput> inputs) {
    List<List<Position>> out = new ArrayList<>(inputs.size());
    for (StanceInput input : inputs) {
      out.add(classify(input));
    }
    return out;
  }
}
