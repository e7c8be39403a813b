package io.github.demarche.eval;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.train.Folds;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * K-fold cross-validation grouped by source: trains on K-1 folds, predicts the held-out fold, and
 * scores all out-of-fold predictions together. Any learner can be cross-validated (a Demarche
 * training configuration, or a baseline), so several can be compared on the very same folds.
 * Deterministic for a given seed. Immutable and thread-safe.
 */
public final class CrossValidator {
  private final Function<List<Example>, ? extends StanceClassifier> learner;
  private final int folds;
  private final long seed;
  private final Evaluator evaluator;

  /**
   * @param learner trains a classifier on a list of examples
   * @param folds number of folds, at least 2
   * @param seed seeds the fold assignment
   */
  public CrossValidator(Function<List<Example>, ? extends StanceClassifier> learner, int folds,
      long seed, Evaluator evaluator) {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + folds);
    }
    this.learner = learner;
    this.folds = folds;
    this.seed = seed;
    this.evaluator = evaluator;
  }

  /** Cross-validates Demarche's trainer with this configuration, folds seeded by its seed. */
  public CrossValidator(TrainingConfig config, int folds, Evaluator evaluator) {
    this(new Trainer(config)::train, folds, config.seed(), evaluator);
  }

  /** The evaluation of the pooled out-of-fold predictions. */
  public Evaluation run(List<Example> examples) {
    Taxonomy taxonomy = Trainer.taxonomyOf(examples);
    int[] fold = Folds.assign(examples, folds, seed);
    List<List<String>> predicted = new ArrayList<>(Collections.nCopies(examples.size(), null));
    List<double[]> scores = new ArrayList<>(Collections.nCopies(examples.size(), null));
    for (int f = 0; f < folds; f++) {
      List<Example> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] == f) {
          test.add(i);
        } else {
          train.add(examples.get(i));
        }
      }
      StanceClassifier model = learner.apply(train);
      for (int i : test) {
        Example e = examples.get(i);
        StanceInput in = new StanceInput(e.text(), e.target());
        List<String> labels = new ArrayList<>();
        model.classify(in).forEach(p -> labels.add(p.label()));
        predicted.set(i, labels);
        scores.set(i, remap(model.taxonomy(), taxonomy, model.scoreArray(in)));
      }
    }
    return evaluator.score(taxonomy, examples, predicted, scores);
  }

  /** Scores in the fold model's label order, rearranged into the full data's label order. */
  private static double[] remap(Taxonomy from, Taxonomy to, double[] s) {
    if (from.equals(to)) {
      return s;
    }
    double[] out = new double[to.size()];
    for (int i = 0; i < from.size(); i++) {
      int j = to.indexOf(from.labels().get(i).name());
      if (j >= 0) {
        out[j] = s[i];
      }
    }
    return out;
  }
}
