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
 * model per label for multi-label data (whose features weigh by their inverse document frequency
 * when {@link TrainingConfig#idfWeighting()}), one multinomial model for single-label data. Calibration
 * (Platt scaling) and per-label thresholds are fitted on out-of-fold scores from grouped folds,
 * never on the data being evaluated; so is, for single-label data without an exclusive label, the
 * score below which the model takes no position ({@link NoPositionThreshold}). Training is
 * deterministic: the same examples and config give a model with the same bytes.
 *
 * <p>Features are extracted once per run into a {@link FeatureMatrix} that every fit reads
 * (the calibration folds' and the final one's); binary fits minimise Smile's own objective on it
 * ({@link BinomialObjective}, the same arithmetic as {@code Maxent.binomial}, so the same bytes),
 * and run in parallel over labels and folds, as do the per-label calibrations. A training run
 * gets a fork-join pool of its own, of as many threads as the trainer is given, so that a thread
 * that waits for a fit can take up another (the common pool's callers park while they wait, which
 * left one core of two idle); results are gathered by index, never in order of completion, so the
 * bytes do not depend on the number of threads. Instances are immutable and thread-safe.
 */
public final class Trainer {
  private static final Object SMILE_PARTITION_LOCK = new Object();
  private static final double[] THRESHOLD_GRID = grid();

  private final TrainingConfig config;
  private final int threads;

  /** A trainer that uses every core. */
  public Trainer(TrainingConfig config) {
    this(config, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A trainer that fits on {@code threads} threads at most; the model's bytes do not depend on
   * how many.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public Trainer(TrainingConfig config, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.config = config;
    this.threads = threads;
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
    return inPool(() -> {
      StanceModel model = trainOnce(examples);
      if (NoPositionThreshold.appliesTo(model, config, examples)) {
        model = model.withNoPositionBelow(NoPositionThreshold.learn(examples, config));
      }
      return model;
    });
  }

  /**
   * Runs a training in a pool of {@link #threads} threads (the parallel streams inside run in the
   * pool of the thread that starts them), or in the current pool when already in one of ours.
   */
  private <T> T inPool(java.util.concurrent.Callable<T> work) {
    if (Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread worker
        && worker.getPool() != java.util.concurrent.ForkJoinPool.commonPool()) {
      return call(work);
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
    try {
      return pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      // the training's own exception, as if it had run in this thread
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static <T> T call(java.util.concurrent.Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
    FeatureMatrix matrix = FeatureMatrix.of(examples, featurizer, config.minCount());
    Data data = new Data(examples, matrix, partitionSize(examples.size()),
        config.idfWeighting() && mode == Mode.MULTI_LABEL ? IdfWeights.of(matrix) : null);
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
   * The examples of a training run with their features (extracted once and shared by every fit),
   * the partition size of the gradient sums, which depends on the size of the whole run only, and
   * the features' values in the per-label fits (by matrix column; null for binary), which are
   * taken from the whole run too, so the calibration folds' fits see the final model's values.
   */
  private record Data(List<Example> examples, FeatureMatrix matrix, int partitionSize,
      double[] values) {}

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
        if (data.values() != null) {
          // the fit's weight is per unit of value: the binary feature's weight is their product
          for (int j = 0; j < p; j++) {
            fitted[o][j] *= data.values()[vocabulary[j]];
          }
        }
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
        data.partitionSize(), data.values()), 5, w, config.tolerance(), config.maxIterations());
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
      // Smile's parallel sums split by the parallelism of the pool they run in: in a pool of one
      // thread they split as on a two-core machine whatever the machine and training threads
      java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
      try {
        w = one.submit(() -> Maxent.multinomial(p, x, y, config.lambda(), config.tolerance(),
            config.maxIterations()).coefficients()).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("training interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } finally {
        one.shutdown();
      }
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
    // labels are calibrated independently, in parallel, each into its own place
    Calibration[] out = new Calibration[k];
    java.util.stream.IntStream.range(0, k).parallel().forEach(o -> {
      int[] y = new int[examples.size()];
      int positives = 0;
      for (int i = 0; i < y.length; i++) {
        y[i] = examples.get(i).labels().contains(outputs.get(o)) ? 1 : 0;
        positives += y[i];
      }
      if (positives == 0 || positives == y.length) {
        out[o] = Calibration.identity();
        return;
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
      out[o] = new Calibration(a, b, bestThreshold(probs, y));
    });
    return new ArrayList<>(Arrays.asList(out));
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
