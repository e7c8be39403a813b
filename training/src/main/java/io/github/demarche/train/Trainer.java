package io.github.demarche.train;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.features.FeatureIndex;
import io.github.demarche.features.Featurizer;
import io.github.demarche.model.Calibration;
import io.github.demarche.model.LibraryVersion;
import io.github.demarche.model.Mode;
import io.github.demarche.model.Provenance;
import io.github.demarche.model.StanceModel;
import io.github.demarche.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import smile.classification.Maxent;
import smile.classification.PlattScaling;
import smile.math.BFGS;

/**
 * Trains stance models with Smile's {@link Maxent} on hashed sparse binary features: one binary
 * model per label for multi-label data, one multinomial model for single-label data. Calibration
 * (Platt scaling) and per-label thresholds are fitted on out-of-fold scores from grouped folds,
 * never on the data being evaluated; so is, for single-label data without an exclusive label, the
 * score below which the model takes no position ({@link NoPositionThreshold}). Training is
 * deterministic: the same examples and config give a model with the same bytes.
 *
 * <p>Features are extracted once per run into a {@link FeatureMatrix} that every fit reads
 * (the calibration folds' and the final one's); binary fits minimise Smile's own objective on it
 * ({@link BinomialObjective}, the same arithmetic as {@code Maxent.binomial}, so the same bytes),
 * and run in parallel over labels and folds. Instances are immutable and thread-safe.
 */
public final class Trainer {
  private static final Object SMILE_PARTITION_LOCK = new Object();
  private static final double[] THRESHOLD_GRID = grid();

  private final TrainingConfig config;

  public Trainer(TrainingConfig config) {
    this.config = config;
  }

  public TrainingConfig config() {
    return config;
  }

  /**
   * Trains a model on the examples.
   *
   * @throws IllegalArgumentException when the examples cannot make a model (fewer than two labels,
   *     too few groups for the calibration folds)
   */
  public StanceModel train(List<Example> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    StanceModel model = trainOnce(examples);
    if (NoPositionThreshold.appliesTo(model, config, examples)) {
      model = model.withNoPositionBelow(NoPositionThreshold.learn(examples, config));
    }
    return model;
  }

  private StanceModel trainOnce(List<Example> examples) {
    Taxonomy taxonomy = taxonomyOf(examples);
    Mode mode = modeOf(examples);
    List<String> outputs = outputsOf(taxonomy, mode);
    if (outputs.size() < (mode == Mode.SINGLE_LABEL ? 2 : 1)) {
      throw new IllegalArgumentException(
          "the training data has only the label(s) " + taxonomy.names() + "; need at least two");
    }
    Featurizer featurizer = new Featurizer(config.features());
    Data data = new Data(examples, FeatureMatrix.of(examples, featurizer, config.minCount()),
        partitionSize(examples.size()));
    List<Calibration> calibration;
    if (mode == Mode.MULTI_LABEL && config.calibrationFolds() > 0) {
      calibration = calibrate(data, outputs);
    } else {
      calibration = new ArrayList<>();
      for (int o = 0; o < outputs.size(); o++) {
        calibration.add(Calibration.identity());
      }
    }
    Linear fit = fit(data, allIndices(examples.size()), mode, outputs);
    Provenance provenance = new Provenance(LibraryVersion.get(), digest(examples), examples.size(),
        labelCounts(examples), config.toMap(), Map.of());
    return new StanceModel(taxonomy, mode, config.features(), fit.index, fit.weights, fit.bias,
        outputs, calibration, provenance);
  }

  /** The label set of the data: the diplomatic taxonomy when it uses only its labels, else its own. */
  public static Taxonomy taxonomyOf(List<Example> examples) {
    Set<String> seen = new TreeSet<>();
    for (Example e : examples) {
      seen.addAll(e.labels());
    }
    Taxonomy diplomatic = Taxonomy.diplomatic();
    if (diplomatic.names().containsAll(seen) && seen.size() == diplomatic.size()) {
      return diplomatic;
    }
    List<String> ordered = new ArrayList<>();
    for (String name : diplomatic.names()) {
      if (seen.contains(name)) {
        ordered.add(name);
      }
    }
    if (ordered.size() != seen.size()) {
      ordered = new ArrayList<>(seen);
    }
    return Taxonomy.of("custom", ordered);
  }

  /** Multi-label when any example has more than one label, else single-label. */
  public static Mode modeOf(List<Example> examples) {
    for (Example e : examples) {
      if (e.labels().size() > 1) {
        return Mode.MULTI_LABEL;
      }
    }
    return Mode.SINGLE_LABEL;
  }

  /**
   * One output per label. The exclusive label of multi-label data gets a binary output of its
   * own too: "nothing passed" alone misses the statements whose words look like a position but
   * that only narrate (background, reported events), which its own model learns.
   */
  private static List<String> outputsOf(Taxonomy taxonomy, Mode mode) {
    return new ArrayList<>(taxonomy.names());
  }

  /** A fitted linear layer over a vocabulary (the matrix columns it uses, in hash order). */
  private record Linear(int[] vocabulary, FeatureIndex index, float[] weights, float[] bias) {}

  /**
   * The examples of a training run with their features (extracted once and shared by every fit)
   * and the partition size of the gradient sums, which depends on the size of the whole run only.
   */
  private record Data(List<Example> examples, FeatureMatrix matrix, int partitionSize) {}

  /**
   * Smile's Maxent sums its gradient over partitions of the rows; the partition size is set so
   * that there are at most four whatever the core count, and so the model's bytes do not depend
   * on the machine.
   */
  private static int partitionSize(int n) {
    return Math.max(1, (n + 3) / 4);
  }

  private Linear fit(Data data, int[] rows, Mode mode, List<String> outputs) {
    FeatureMatrix matrix = data.matrix();
    List<Example> examples = data.examples();
    // vocabulary: features seen in at least minCount of these rows, in hash order
    int[] vocabulary = matrix.vocabulary(rows, config.minCount());
    FeatureIndex index = new FeatureIndex(matrix.hashesOf(vocabulary));
    int p = vocabulary.length;
    int k = outputs.size();
    float[] weights = new float[p * k];
    float[] bias = new float[k];
    if (mode == Mode.SINGLE_LABEL) {
      int[] y = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        y[i] = outputs.indexOf(examples.get(rows[i]).labels().get(0));
      }
      double[][] w = multinomial(data, rows, vocabulary, y, k);
      for (int o = 0; o < k; o++) {
        for (int j = 0; j < p; j++) {
          weights[j * k + o] = (float) w[o][j];
        }
        bias[o] = (float) w[o][p];
      }
    } else {
      // labels are independent fits: run them in parallel, write results in label order
      double[][] fitted = new double[k][];
      java.util.stream.IntStream.range(0, k).parallel().forEach(o -> {
        String label = outputs.get(o);
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
          y[i] = examples.get(rows[i]).labels().contains(label) ? 1 : 0;
        }
        fitted[o] = binomial(data, rows, vocabulary, y);
      });
      for (int o = 0; o < k; o++) {
        for (int j = 0; j < p; j++) {
          weights[j * k + o] = (float) fitted[o][j];
        }
        bias[o] = (float) fitted[o][p];
      }
    }
    return new Linear(vocabulary, index, weights, bias);
  }

  /** For every matrix column, its column in this vocabulary, or -1. */
  private static int[] localColumns(FeatureMatrix matrix, int[] vocabulary) {
    int[] local = new int[matrix.columns()];
    Arrays.fill(local, -1);
    for (int j = 0; j < vocabulary.length; j++) {
      local[vocabulary[j]] = j;
    }
    return local;
  }

  /**
   * Weights (p) and intercept (at index p) of a binary logistic model: the model of Smile's
   * {@code Maxent.binomial}, fitted by its L-BFGS on the shared matrix ({@link
   * BinomialObjective}).
   */
  private double[] binomial(Data data, int[] rows, int[] vocabulary, int[] y) {
    int p = vocabulary.length;
    int positives = 0;
    for (int v : y) {
      positives += v;
    }
    if (positives == 0 || positives == y.length) {
      // one class only: a constant model at the smoothed base rate
      double[] w = new double[p + 1];
      w[p] = Math.log((positives + 0.5) / (y.length - positives + 0.5));
      return w;
    }
    double[] w = new double[p + 1];
    BFGS.minimize(new BinomialObjective(data.matrix(), rows, y, vocabulary, config.lambda(),
        data.partitionSize()), 5, w, config.tolerance(), config.maxIterations());
    return w;
  }

  /** Weights of a multinomial model: k rows of p weights and the intercept at index p. */
  private double[][] multinomial(Data data, int[] rows, int[] vocabulary, int[] y, int k) {
    int p = vocabulary.length;
    if (k == 2) {
      // Smile refuses a multinomial fit on two classes; a binary fit is the same model
      return new double[][] {new double[p + 1], binomial(data, rows, vocabulary, y)};
    }
    FeatureMatrix matrix = data.matrix();
    int[] local = localColumns(matrix, vocabulary);
    int[][] x = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      int[] cols = new int[matrix.start[r + 1] - matrix.start[r]];
      int n = 0;
      for (int e = matrix.start[r]; e < matrix.start[r + 1]; e++) {
        int j = local[matrix.entries[e]];
        if (j >= 0) {
          cols[n++] = j;
        }
      }
      x[i] = n == cols.length ? cols : Arrays.copyOf(cols, n);
    }
    double[][] w;
    synchronized (SMILE_PARTITION_LOCK) {
      configurePartitions(data.partitionSize());
      w = Maxent.multinomial(p, x, y, config.lambda(), config.tolerance(), config.maxIterations())
          .coefficients();
    }
    double[][] out = new double[k][p + 1];
    // Smile keeps k-1 free rows when the last class is the reference; pad with zeros
    for (int o = 0; o < Math.min(k, w.length); o++) {
      System.arraycopy(w[o], 0, out[o], 0, p + 1);
    }
    return out;
  }

  /**
   * Smile's multinomial Maxent reads its partition size from a JVM-wide system property, so its
   * fits hold a lock: concurrent multinomial fits run one after another, each using every core
   * inside.
   */
  private static void configurePartitions(int partitionSize) {
    System.setProperty("smile.data.partition.size", Integer.toString(partitionSize));
  }

  private List<Calibration> calibrate(Data data, List<String> outputs) {
    List<Example> examples = data.examples();
    FeatureMatrix matrix = data.matrix();
    int k = outputs.size();
    int folds = config.calibrationFolds();
    int[] fold = Folds.assign(examples, folds, config.seed());
    double[][] oof = new double[k][examples.size()];
    // folds are independent and write disjoint rows of oof, so they can run in parallel
    java.util.stream.IntStream.range(0, folds).parallel().forEach(f -> {
      int[] train = java.util.stream.IntStream.range(0, fold.length).filter(i -> fold[i] != f)
          .toArray();
      Linear fit = fit(data, train, Mode.MULTI_LABEL, outputs);
      int[] local = localColumns(matrix, fit.vocabulary);
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] != f) {
          continue;
        }
        for (int o = 0; o < k; o++) {
          double z = fit.bias[o];
          for (int e = matrix.start[i]; e < matrix.start[i + 1]; e++) {
            int c = local[matrix.entries[e]];
            if (c >= 0) {
              z += fit.weights[c * k + o];
            }
          }
          oof[o][i] = z;
        }
      }
    });
    List<Calibration> out = new ArrayList<>();
    for (int o = 0; o < k; o++) {
      int[] y = new int[examples.size()];
      int positives = 0;
      for (int i = 0; i < y.length; i++) {
        y[i] = examples.get(i).labels().contains(outputs.get(o)) ? 1 : 0;
        positives += y[i];
      }
      if (positives == 0 || positives == y.length) {
        out.add(Calibration.identity());
        continue;
      }
      PlattScaling platt = PlattScaling.fit(oof[o], y);
      // Smile's scale(f) = 1 / (1 + exp(a f + b)); recover a and b from two points
      double b = logit1m(platt.scale(0.0));
      double a = logit1m(platt.scale(1.0)) - b;
      Calibration c = new Calibration(a, b, 0.5);
      double[] probs = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        probs[i] = c.apply(oof[o][i]);
      }
      out.add(new Calibration(a, b, bestThreshold(probs, y)));
    }
    return out;
  }

  private static double logit1m(double s) {
    double clamped = Math.min(1 - 1e-12, Math.max(1e-12, s));
    return Math.log(1.0 / clamped - 1.0);
  }

  /**
   * The threshold of the grid (0.05 to 0.95) with the best F1 on these scores; ties go to the one
   * nearest 0.5. The encoder family's stack picks its thresholds with it too.
   */
  public static double bestThreshold(double[] probs, int[] y) {
    double best = 0.5;
    double bestF1 = -1;
    for (double t : THRESHOLD_GRID) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < y.length; i++) {
        boolean predicted = probs[i] >= t;
        if (predicted && y[i] == 1) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (y[i] == 1) {
          fn++;
        }
      }
      double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
      if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
        bestF1 = f1;
        best = t;
      }
    }
    return best;
  }

  private static double[] grid() {
    double[] g = new double[19];
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.round((0.05 * (i + 1)) * 100) / 100.0;
    }
    return g;
  }

  private static int[] allIndices(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  /** SHA-256 over every example's text, labels, target and group, in order. */
  public static String digest(List<Example> examples) {
    Hasher h = Hashing.sha256().newHasher();
    for (Example e : examples) {
      h.putString(e.text(), StandardCharsets.UTF_8).putByte((byte) 0);
      h.putString(String.join("\u0001", e.labels()), StandardCharsets.UTF_8).putByte((byte) 0);
      h.putString(String.valueOf(e.target()), StandardCharsets.UTF_8).putByte((byte) 0);
      h.putString(String.valueOf(e.group()), StandardCharsets.UTF_8).putByte((byte) 1);
    }
    return h.hash().toString();
  }

  /** Examples per label. */
  public static Map<String, Integer> labelCounts(List<Example> examples) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Example e : examples) {
      for (String l : e.labels()) {
        counts.merge(l, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Inputs of examples, for scoring. */
  public static List<StanceInput> inputs(List<Example> examples) {
    List<StanceInput> out = new ArrayList<>(examples.size());
    for (Example e : examples) {
      out.add(new StanceInput(e.text(), e.target()));
    }
    return out;
  }

}
