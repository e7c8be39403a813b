package io.github.demarche.stack;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.encoder.StackedClassifier;
import io.github.demarche.encoder.TextEmbedder;
import io.github.demarche.model.LibraryVersion;
import io.github.demarche.model.Mode;
import io.github.demarche.model.Provenance;
import io.github.demarche.model.StanceModel;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.train.Folds;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import smile.math.BFGS;

/**
 * Trains the sentence-encoder family ({@link StackedClassifier}): each label gets an
 * L2-regularised logistic model over the statement's encoder vector and the lexical model's
 * calibrated scores. The lexical scores of the training statements are out-of-fold (grouped by
 * {@code source}, the folds seeded by the lexical configuration's seed), as the stack will see
 * scores of statements the lexical model never trained on; the final lexical model is trained on
 * all the data. Inputs are standardised for the fit (the lexical scores then scaled up, {@link
 * StackConfig#lexicalScale()}) and the scaling is folded into the saved weights. Multi-label thresholds are the best-F1 thresholds of out-of-fold stack scores on the
 * same folds. Deterministic: the same examples, encoder, settings and seed give the same model
 * bytes. Immutable and thread-safe.
 */
public final class StackTrainer {
  private final TrainingConfig lexical;
  private final StackConfig stack;

  /**
   * @param lexical the lexical model's settings (its seed seeds the stack's folds too)
   * @param stack the stack's settings
   */
  public StackTrainer(TrainingConfig lexical, StackConfig stack) {
    this.lexical = lexical;
    this.stack = stack;
  }

  /** The stack's settings. */
  public StackConfig stack() {
    return stack;
  }

  /**
   * Trains a model that can be saved: with its lexical model even when the stack does not read its
   * scores (the file takes its labels from it).
   *
   * @param embedder the encoder named by the settings, or a table of its vectors
   * @throws IllegalArgumentException when the embedder is not the encoder the settings name, or
   *     the examples cannot make a model
   */
  public StackedClassifier train(List<Example> examples, TextEmbedder embedder) {
    return train(examples, embedder, true);
  }

  /**
   * A learner for cross-validation over one table of vectors: models that need no lexical model
   * (encoder-only settings) skip training it.
   */
  public Function<List<Example>, StanceClassifier> learner(TextEmbedder embedder) {
    return train -> train(train, embedder, false);
  }

  private StackedClassifier train(List<Example> examples, TextEmbedder embedder,
      boolean keepLexical) {
    if (!embedder.id().name().equals(stack.encoder())) {
      throw new IllegalArgumentException("the settings name the encoder " + stack.encoder()
          + " but vectors come from " + embedder.id().name());
    }
    TextEmbedder table = EmbeddingTable.of(embedder, texts(examples));
    Taxonomy taxonomy = Trainer.taxonomyOf(examples);
    Mode mode = Trainer.modeOf(examples);
    int n = examples.size();
    int[] fold = Folds.assign(examples, stack.folds(), lexical.seed());
    double[][] lexicalScores = new double[n][0];
    if (stack.lexicalInputs()) {
      lexicalScores = outOfFoldScores(examples, fold, taxonomy);
    }
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = StackedClassifier.inputs(table.embed(examples.get(i).text()), lexicalScores[i]);
    }
    Standardiser scale = Standardiser.of(x, x[0].length - lexicalScores[0].length,
        stack.lexicalScale());
    double[][] z = scale.apply(x);
    int k = taxonomy.size();
    int p = x[0].length;
    int[][] y = new int[k][n];
    for (int o = 0; o < k; o++) {
      String label = taxonomy.labels().get(o).name();
      for (int i = 0; i < n; i++) {
        y[o][i] = examples.get(i).labels().contains(label) ? 1 : 0;
      }
    }
    int[] all = IntStream.range(0, n).toArray();
    double[][] fitted = new double[k][];
    IntStream.range(0, k).parallel().forEach(o -> fitted[o] = fitRows(z, all, y[o]));
    double[] thresholds = new double[k];
    java.util.Arrays.fill(thresholds, 0.5);
    if (mode == Mode.MULTI_LABEL) {
      IntStream.range(0, k).parallel().forEach(o ->
          thresholds[o] = Trainer.bestThreshold(outOfFoldProbabilities(z, fold, y[o]), y[o]));
    }
    float[] weights = new float[k * p];
    float[] bias = new float[k];
    for (int o = 0; o < k; o++) {
      double[] raw = scale.unscale(fitted[o]);
      for (int j = 0; j < p; j++) {
        weights[o * p + j] = (float) raw[j];
      }
      bias[o] = (float) raw[p];
    }
    StanceModel lexicalModel = stack.lexicalInputs() || keepLexical
        ? new Trainer(lexical).train(examples) : null;
    Map<String, String> hyper = new TreeMap<>(lexical.toMap());
    hyper.putAll(stack.toMap());
    Provenance provenance = new Provenance(LibraryVersion.get(), Trainer.digest(examples), n,
        Trainer.labelCounts(examples), hyper, Map.of());
    return new StackedClassifier(taxonomy, mode, lexicalModel, stack.lexicalInputs(), embedder,
        weights, bias, thresholds, provenance);
  }

  /** Each example's lexical scores from a model trained on the other folds, in taxonomy order. */
  private double[][] outOfFoldScores(List<Example> examples, int[] fold, Taxonomy taxonomy) {
    double[][] out = new double[examples.size()][];
    Trainer trainer = new Trainer(lexical);
    for (int f = 0; f < stack.folds(); f++) {
      List<Example> train = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] != f) {
          train.add(examples.get(i));
        }
      }
      StanceModel model = trainer.train(train);
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] == f) {
          Example e = examples.get(i);
          out[i] = inTaxonomyOrder(model, taxonomy,
              model.scoreArray(new StanceInput(e.text(), e.target())));
        }
      }
    }
    return out;
  }

  /** A fold model's scores rearranged into the whole data's labels (a label it never saw: 0). */
  private static double[] inTaxonomyOrder(StanceModel model, Taxonomy taxonomy, double[] s) {
    if (model.taxonomy().equals(taxonomy)) {
      return s;
    }
    double[] out = new double[taxonomy.size()];
    for (int i = 0; i < model.taxonomy().size(); i++) {
      int j = taxonomy.indexOf(model.taxonomy().labels().get(i).name());
      if (j >= 0) {
        out[j] = s[i];
      }
    }
    return out;
  }

  /** The probabilities of every row from fits on the other folds. */
  private double[] outOfFoldProbabilities(double[][] z, int[] fold, int[] y) {
    double[] prob = new double[z.length];
    for (int f = 0; f < stack.folds(); f++) {
      final int held = f;
      int[] rows = IntStream.range(0, z.length).filter(i -> fold[i] != held).toArray();
      int[] yy = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        yy[i] = y[rows[i]];
      }
      double[] w = fitRows(z, rows, yy);
      int p = w.length - 1;
      for (int i = 0; i < z.length; i++) {
        if (fold[i] == f) {
          double s = w[p];
          for (int j = 0; j < p; j++) {
            s += w[j] * z[i][j];
          }
          prob[i] = 1.0 / (1.0 + Math.exp(-s));
        }
      }
    }
    return prob;
  }

  /** Weights and intercept (at index p) of one label's logistic fit on these rows. */
  private double[] fitRows(double[][] z, int[] rows, int[] y) {
    int p = z[rows[0]].length;
    double[] w = new double[p + 1];
    int positives = 0;
    for (int v : y) {
      positives += v;
    }
    if (positives == 0 || positives == y.length) {
      // one class only: a constant model at the smoothed base rate
      w[p] = Math.log((positives + 0.5) / (y.length - positives + 0.5));
      return w;
    }
    BFGS.minimize(new DenseLogistic(z, rows, y, stack.lambda()), 5, w, 1e-5, 500);
    return w;
  }

  private static List<String> texts(List<Example> examples) {
    List<String> out = new ArrayList<>(examples.size());
    for (Example e : examples) {
      out.add(e.text());
    }
    return out;
  }

  /**
   * Column means and standard deviations of the training inputs, and the inverse for weights. The
   * columns from {@code from} on (the lexical scores) are scaled by {@code boost} after
   * standardising, which is dividing their deviation by it.
   */
  private record Standardiser(double[] mean, double[] sd) {
    static Standardiser of(double[][] x, int from, double boost) {
      int p = x[0].length;
      double[] mean = new double[p];
      double[] sd = new double[p];
      for (double[] row : x) {
        for (int j = 0; j < p; j++) {
          mean[j] += row[j];
        }
      }
      for (int j = 0; j < p; j++) {
        mean[j] /= x.length;
      }
      for (double[] row : x) {
        for (int j = 0; j < p; j++) {
          double d = row[j] - mean[j];
          sd[j] += d * d;
        }
      }
      for (int j = 0; j < p; j++) {
        sd[j] = Math.sqrt(sd[j] / x.length);
        if (sd[j] < 1e-9) {
          sd[j] = 1.0; // a constant column: left as it is
        } else if (j >= from) {
          sd[j] /= boost;
        }
      }
      return new Standardiser(mean, sd);
    }

    double[][] apply(double[][] x) {
      double[][] out = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        out[i] = new double[x[i].length];
        for (int j = 0; j < x[i].length; j++) {
          out[i][j] = (x[i][j] - mean[j]) / sd[j];
        }
      }
      return out;
    }

    /** Weights on standardised inputs turned into weights (and intercept, last) on raw ones. */
    double[] unscale(double[] w) {
      int p = mean.length;
      double[] out = new double[p + 1];
      double b = w[p];
      for (int j = 0; j < p; j++) {
        out[j] = w[j] / sd[j];
        b -= w[j] * mean[j] / sd[j];
      }
      out[p] = b;
      return out;
    }
  }
}
