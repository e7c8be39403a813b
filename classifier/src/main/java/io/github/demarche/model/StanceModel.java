package io.github.demarche.model;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.domain.Position;
import io.github.demarche.features.FeatureBuffer;
import io.github.demarche.features.FeatureConfig;
import io.github.demarche.features.FeatureIndex;
import io.github.demarche.features.Featurizer;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained stance model: the featurizer it was trained with, its vocabulary, a linear layer and
 * per-label calibration and thresholds. Holds no mutable state (scoring reuses per-thread
 * buffers), so one instance is safe to share across any number of threads. Load one with {@link ModelFile}, train one with {@code
 * io.github.demarche.train.Trainer}.
 */
public final class StanceModel implements StanceClassifier {
  /** Each thread's reusable buffers for featurizing, so scoring allocates little. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  /**
   * Vocabularies up to this size order their columns with a per-thread {@link ColumnSet} (at most
   * 2 MB); larger ones sort them.
   */
  private static final int MAX_SET_COLUMNS = 1 << 24;
  /**
   * Vocabularies up to this size get an {@link OrderedTable} (a second copy of the weights, in
   * slot order); larger ones score through the {@link FeatureIndex}.
   */
  private static final int MAX_TABLE_FEATURES = 1 << 21;
  /** Buffers grown past this many features (texts of roughly 100 KB) are not kept. */
  private static final int LARGE_SCRATCH = 1 << 16;

  /** Buffers one thread reuses from call to call. Not thread-safe: one per thread. */
  private static final class Scratch {
    final FeatureBuffer hashes = new FeatureBuffer();
    int[] columns = new int[128];
    ColumnSet set;
    /** What reading each row early gave: kept so that the reads are not optimised away. */
    long touched;
    int[] found = new int[128];

    int[] found(int size) {
      if (found.length < size) {
        found = new int[Math.max(size, found.length * 2)];
      }
      return found;
    }

    DistinctSlots distinct;
    double[] logits = new double[0];
    double[] scores = new double[0];

    /** A buffer for the logits of a model of this many outputs. */
    double[] logits(int outputs) {
      if (logits.length != outputs) {
        logits = new double[outputs];
      }
      return logits;
    }

    /** A buffer of zeros for the scores of a taxonomy of this many labels. */
    double[] scores(int labels) {
      if (scores.length != labels) {
        scores = new double[labels];
      } else {
        Arrays.fill(scores, 0.0);
      }
      return scores;
    }

    /** A filter of repeated slots for a table of this many slots (grown, never shrunk). */
    DistinctSlots distinct(int capacity) {
      if (distinct == null || distinct.capacity() < capacity) {
        distinct = new DistinctSlots(capacity);
      }
      return distinct;
    }

    /** A column set for a vocabulary of this size (grown, never shrunk, per thread). */
    ColumnSet set(int vocabulary) {
      if (set == null || set.capacity() < vocabulary) {
        set = new ColumnSet(Math.max(vocabulary, 1));
      }
      return set;
    }
  }

  private final Taxonomy taxonomy;
  private final Mode mode;
  private final Featurizer featurizer;
  private final FeatureIndex index;
  /** The vocabulary and weights in the scoring path's layout, or null for a huge vocabulary. */
  private final OrderedTable table;
  /**
   * How many distinct features' weights {@link #tableLogits} may add in any order with the same
   * bits as in column order ({@link ExactSums}); past it, it sums them in column order.
   */
  private final int orderFreeRows;
  /** Feature-major: the weight of feature j for output o is at {@code j * outputs + o}. */
  private final float[] weights;
  private final float[] bias;
  /** For each output, the taxonomy index of its label. */
  private final int[] outputLabels;
  private final List<Calibration> calibration;
  /** The calibration of each output, as an array for the scoring loop. */
  private final Calibration[] calibrations;
  /** The threshold of each output, from its calibration. */
  private final double[] thresholds;
  /** The taxonomy index of the exclusive label, or -1. */
  private final int exclusive;
  /**
   * Whether the exclusive label has a calibrated output of its own (models trained since it
   * has); otherwise its score is the complement of the best other label's.
   */
  private final boolean exclusiveIsOutput;
  private final Provenance provenance;
  /** For single-label models: below this best score the answer is no position (0: always one). */
  private final double noPositionBelow;

  /**
   * Assembles a model from its parts, checking that they fit together; a single-label model
   * built this way always answers with its best label.
   *
   * @throws IllegalArgumentException when the sizes or labels do not agree
   */
  public StanceModel(
      Taxonomy taxonomy,
      Mode mode,
      FeatureConfig features,
      FeatureIndex index,
      float[] weights,
      float[] bias,
      List<String> outputs,
      List<Calibration> calibration,
      Provenance provenance) {
    this(taxonomy, mode, features, index, weights, bias, outputs, calibration, provenance, 0.0);
  }

  /**
   * Assembles a model from its parts, checking that they fit together.
   *
   * @param noPositionBelow for single-label models, the best score below which the model takes
   *     no position (returns no label); 0 to always answer; must be 0 for multi-label models,
   *     whose thresholds already allow no position
   * @throws IllegalArgumentException when the sizes or labels do not agree
   */
  public StanceModel(
      Taxonomy taxonomy,
      Mode mode,
      FeatureConfig features,
      FeatureIndex index,
      float[] weights,
      float[] bias,
      List<String> outputs,
      List<Calibration> calibration,
      Provenance provenance,
      double noPositionBelow) {
    if (!(noPositionBelow >= 0.0 && noPositionBelow <= 1.0)
        || (mode == Mode.MULTI_LABEL && noPositionBelow != 0.0)) {
      throw new IllegalArgumentException("noPositionBelow must be in [0, 1] for single-label"
          + " models and 0 for multi-label ones, was " + noPositionBelow);
    }
    this.noPositionBelow = noPositionBelow;
    int k = outputs.size();
    if (k == 0) {
      throw new IllegalArgumentException("a model needs at least one output");
    }
    if (weights.length != (long) index.size() * k) {
      throw new IllegalArgumentException(
          "weights hold " + weights.length + " values, expected " + index.size() + " x " + k);
    }
    if (bias.length != k || calibration.size() != k) {
      throw new IllegalArgumentException("bias and calibration need one entry per output (" + k + ")");
    }
    this.outputLabels = new int[k];
    // an output for the exclusive label is allowed (models trained since it has one score it with
    // a calibrated model of its own); a label named twice is not
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int o = 0; o < k; o++) {
      int label = taxonomy.indexOf(outputs.get(o));
      if (label < 0) {
        throw new IllegalArgumentException("output '" + outputs.get(o) + "' is not a taxonomy label");
      }
      if (!seen.add(outputs.get(o))) {
        throw new IllegalArgumentException("output '" + outputs.get(o) + "' appears twice");
      }
      outputLabels[o] = label;
    }
    if (mode == Mode.SINGLE_LABEL && k != taxonomy.size()) {
      throw new IllegalArgumentException("a single-label model needs one output per label");
    }
    for (float w : weights) {
      if (!Float.isFinite(w)) {
        throw new IllegalArgumentException("weights must be finite");
      }
    }
    this.taxonomy = taxonomy;
    this.mode = mode;
    this.featurizer = new Featurizer(features);
    this.index = index;
    this.weights = weights;
    this.table = index.size() <= MAX_TABLE_FEATURES ? OrderedTable.of(index, weights, k) : null;
    this.bias = bias;
    this.orderFreeRows = ExactSums.orderFreeRows(weights, bias);
    this.calibration = List.copyOf(calibration);
    this.calibrations = this.calibration.toArray(new Calibration[0]);
    this.thresholds = new double[k];
    for (int o = 0; o < k; o++) {
      thresholds[o] = this.calibration.get(o).threshold();
    }
    this.exclusive = Positions.exclusiveIndex(taxonomy);
    boolean exclusiveOutput = false;
    for (int l : outputLabels) {
      exclusiveOutput |= l == exclusive;
    }
    this.exclusiveIsOutput = exclusiveOutput;
    this.provenance = provenance;
  }

  @Override
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public Mode mode() {
    return mode;
  }

  public FeatureConfig featureConfig() {
    return featurizer.config();
  }

  public Provenance provenance() {
    return provenance;
  }

  /** This model with other provenance (for example with evaluation figures added). */
  public StanceModel withProvenance(Provenance newProvenance) {
    return new StanceModel(taxonomy, mode, featurizer.config(), index, weights, bias, outputs(),
        calibration, newProvenance, noPositionBelow);
  }

  /**
   * For single-label models, the best score below which the model takes no position, learned on
   * out-of-fold predictions; 0 when it always answers (and for multi-label models).
   */
  public double noPositionBelow() {
    return noPositionBelow;
  }

  /** This single-label model with another score below which it takes no position. */
  public StanceModel withNoPositionBelow(double below) {
    return new StanceModel(taxonomy, mode, featurizer.config(), index, weights, bias, outputs(),
        calibration, provenance, below);
  }

  /** The label of each output, in output order. */
  public List<String> outputs() {
    List<String> out = new ArrayList<>(outputLabels.length);
    for (int l : outputLabels) {
      out.add(taxonomy.labels().get(l).name());
    }
    return out;
  }

  public List<Calibration> calibration() {
    return calibration;
  }

  FeatureIndex index() {
    return index;
  }

  float[] weightsView() {
    return weights;
  }

  float[] biasView() {
    return bias;
  }

  /** The vocabulary size. */
  public int featureCount() {
    return index.size();
  }

  /** The vocabulary columns active for an input, sorted and without repeats. */
  public int[] activeFeatures(StanceInput input) {
    Scratch scratch = SCRATCH.get();
    int n = columns(input, scratch);
    int[] out = Arrays.copyOf(scratch.columns, n);
    releaseIfLarge(scratch);
    return out;
  }

  /**
   * Lets go of a thread's buffers after an unusually long text, so a thread does not hold
   * megabytes for the rest of its life.
   */
  private static void releaseIfLarge(Scratch scratch) {
    if (scratch.columns.length > LARGE_SCRATCH || scratch.found.length > LARGE_SCRATCH) {
      SCRATCH.remove();
    }
  }

  /**
   * Puts the active columns of the input, sorted and without repeats, at the start of the
   * thread's scratch columns and returns how many there are.
   */
  private int columns(StanceInput input, Scratch scratch) {
    FeatureBuffer hashes = scratch.hashes;
    featurizer.features(input.text(), input.target(), hashes);
    int size = hashes.size();
    if (scratch.columns.length < size) {
      scratch.columns = new int[Math.max(size, scratch.columns.length * 2)];
    }
    if (index.size() > MAX_SET_COLUMNS) {
      int[] cols = scratch.columns;
      int len = 0;
      for (int i = 0; i < size; i++) {
        int col = index.get(hashes.get(i));
        if (col >= 0) {
          cols[len++] = col;
        }
      }
      return FeatureIndex.sortUnique(cols, len);
    }
    ColumnSet set = scratch.set(index.size());
    for (int i = 0; i < size; i++) {
      int col = index.get(hashes.get(i));
      if (col >= 0) {
        set.add(col);
      }
    }
    return set.drain(scratch.columns);
  }

  /** The raw linear scores (logits) of each output. */
  public double[] logits(StanceInput input) {
    if (table != null) {
      double[] z = new double[outputLabels.length];
      tableLogits(input, SCRATCH.get(), z);
      return z;
    }
    Scratch scratch = SCRATCH.get();
    int n = columns(input, scratch);
    int[] cols = scratch.columns;
    int k = outputLabels.length;
    double[] z = new double[k];
    for (int o = 0; o < k; o++) {
      z[o] = bias[o];
    }
    // summed in column order, so the result does not depend on how features were found
    for (int i = 0; i < n; i++) {
      int base = cols[i] * k;
      for (int o = 0; o < k; o++) {
        z[o] += weights[base + o];
      }
    }
    releaseIfLarge(scratch);
    return z;
  }

  /**
   * {@link #logits} through the {@link OrderedTable}: the same features, the same weights, the
   * same bits, with one cache miss a feature instead of two. The work goes in phases over all the
   * features of the text (read each feature's window of keys, find every slot, drop repeats, sum
   * the rows), so that the reads of a phase, independent of one another, have their cache misses
   * under way together. The rows are summed in the order the features came in when {@link
   * ExactSums} shows that the order cannot change a bit, else in column (slot) order.
   */
  private void tableLogits(StanceInput input, Scratch scratch, double[] z) {
    FeatureBuffer hashes = scratch.hashes;
    featurizer.features(input.text(), input.target(), hashes);
    int size = hashes.size();
    long touched = 0;
    for (int i = 0; i < size; i++) {
      touched ^= table.touchHome(hashes.get(i));
    }
    int[] slots = scratch.found(size);
    for (int i = 0; i < size; i++) {
      slots[i] = table.candidate(hashes.get(i));
    }
    for (int i = 0; i < size; i++) {
      // a feature outside the vocabulary goes to the slot after all others, left out below
      slots[i] = table.verify(slots[i], hashes.get(i));
    }
    int n = scratch.distinct(table.setCapacity()).keep(slots, size, table.missing());
    if (n > orderFreeRows) {
      // slot order is column order
      Arrays.sort(slots, 0, n);
    }
    scratch.touched = touched;
    for (int o = 0; o < z.length; o++) {
      z[o] = bias[o];
    }
    table.addRows(slots, n, z);
    releaseIfLarge(scratch);
  }

  /** The weight of vocabulary column {@code col} for output {@code o}. */
  public double weight(int col, int o) {
    return weights[col * outputLabels.length + o];
  }

  @Override
  public double[] scoreArray(StanceInput input) {
    return scoresFromLogits(logits(input));
  }

  /** Label scores, in taxonomy order, from output logits. */
  public double[] scoresFromLogits(double[] z) {
    double[] s = new double[taxonomy.size()];
    scores(z, s);
    return s;
  }

  /** Writes the label scores of output logits to {@code s}, which holds only zeros. */
  private void scores(double[] z, double[] s) {
    if (mode == Mode.SINGLE_LABEL) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int o = 0; o < z.length; o++) {
        s[outputLabels[o]] = Math.exp(z[o] - max);
        sum += s[outputLabels[o]];
      }
      for (int i = 0; i < s.length; i++) {
        s[i] /= sum;
      }
      return;
    }
    double best = 0;
    for (int o = 0; o < z.length; o++) {
      double p = calibrations[o].apply(z[o]);
      s[outputLabels[o]] = p;
      if (outputLabels[o] != exclusive) {
        best = Math.max(best, p);
      }
    }
    if (!exclusiveIsOutput) {
      Positions.scoreExclusive(exclusive, best, s);
    }
  }

  @Override
  public List<Position> classify(StanceInput input) {
    if (table == null) {
      return positionsFromScores(scoreArray(input));
    }
    // the logits and scores in the thread's buffers: only the positions outlive the call
    Scratch scratch = SCRATCH.get();
    double[] z = scratch.logits(outputLabels.length);
    tableLogits(input, scratch, z);
    double[] s = scratch.scores(taxonomy.size());
    scores(z, s);
    return positionsFromScores(s);
  }

  /**
   * The positions implied by label scores in taxonomy order, best first; empty when a
   * single-label model's best score is below {@link #noPositionBelow()}.
   */
  public List<Position> positionsFromScores(double[] s) {
    if (mode == Mode.SINGLE_LABEL) {
      List<Position> best = Positions.best(taxonomy, s);
      return best.get(0).score() < noPositionBelow ? List.of() : best;
    }
    return Positions.passing(taxonomy, exclusive, outputLabels, thresholds, s);
  }
}
