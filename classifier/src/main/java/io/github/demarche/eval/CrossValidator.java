package io.github.demarche.eval;

import io.github.demarche.data.Example;
import io.github.demarche.model.StanceModel;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.train.Folds;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K-fold cross-validation grouped by source: trains on K-1 folds, predicts the held-out fold, and
 * scores all out-of-fold predictions together. Deterministic for a given seed. Immutable and
 * thread-safe.
 */
public final class CrossValidator {
  private final TrainingConfig config;
  private final int folds;
  private final Evaluator evaluator;

  public CrossValidator(TrainingConfig config, int folds, Evaluator evaluator) {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + folds);
    }
    this.config = config;
    this.folds = folds;
    this.evaluator = evaluator;
  }

  /** The evaluation of the pooled out-of-fold predictions. */
  public Evaluation run(List<Example> examples) {
    Taxonomy taxonomy = Trainer.taxonomyOf(examples);
    int[] fold = Folds.assign(examples, folds, config.seed());
    List<List<String>> predicted = new ArrayList<>(java.util.Collections.nCopies(examples.size(), null));
    List<double[]> scores = new ArrayList<>(java.util.Collections.nCopies(examples.size(), null));
    Trainer trainer = new Trainer(config);
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
      StanceModel model = trainer.train(train);
      for (int i : test) {
        Example e = examples.get(i);
        double[] s = model.scores(new io.github.demarche.api.StanceInput(e.text(), e.target()));
        List<String> labels = new ArrayList<>();
        model.positionsFromScores(s).forEach(p -> labels.add(p.label()));
        predicted.set(i, labels);
        scores.set(i, remap(model.taxonomy(), taxonomy, s));
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
    Arrays.fill(out, 0);
    for (int i = 0; i < from.size(); i++) {
      int j = to.indexOf(from.labels().get(i).name());
      if (j >= 0) {
        out[j] = s[i];
      }
    }
    return out;
  }
}
