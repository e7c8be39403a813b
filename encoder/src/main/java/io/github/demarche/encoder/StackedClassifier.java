package io.github.demarche.encoder;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.domain.Position;
import io.github.demarche.model.Mode;
import io.github.demarche.model.Positions;
import io.github.demarche.model.Provenance;
import io.github.demarche.model.StanceModel;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.List;
import java.util.Objects;

/**
 * The sentence-encoder model family: one logistic output per label over a statement's encoder
 * vector and, when stacked, the lexical model's calibrated scores of the same statement. More
 * accurate than the lexical model alone on the bundled corpus, and much slower (the encoder runs a
 * transformer per statement): choose it explicitly. Trained by {@code
 * io.github.demarche.stack.StackTrainer} in demarche-training, saved and loaded by {@link
 * EncoderModelFile}. Immutable and thread-safe when its embedder is (an {@link Encoder} is).
 */
public final class StackedClassifier implements StanceClassifier {
  private final Taxonomy taxonomy;
  private final Mode mode;
  private final StanceModel lexical;
  private final boolean lexicalInputs;
  private final TextEmbedder embedder;
  private final int inputs;
  /** Output-major: the weight of input j for output o at {@code o * inputs + j}. */
  private final float[] weights;
  private final float[] bias;
  private final double[] thresholds;
  private final int[] outputLabels;
  private final Provenance provenance;

  /**
   * Assembles a model from its parts, checking that they fit together.
   *
   * @param taxonomy the labels, one output each, in taxonomy order
   * @param mode multi-label (every label that passes its threshold) or single-label (the best)
   * @param lexical the lexical model whose scores are stacked, or null for an encoder-only model;
   *     required when {@code lexicalInputs}
   * @param lexicalInputs whether the lexical model's scores are inputs (after the vector)
   * @param embedder the encoder the weights were trained on
   * @param weights output-major weights, {@code taxonomy.size() * inputs} (not copied)
   * @param bias one per output
   * @param thresholds one per output, in [0, 1]
   * @param provenance where the model came from
   * @throws IllegalArgumentException when the parts do not fit together
   */
  public StackedClassifier(Taxonomy taxonomy, Mode mode, StanceModel lexical,
      boolean lexicalInputs, TextEmbedder embedder, float[] weights, float[] bias,
      double[] thresholds, Provenance provenance) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    if (lexicalInputs && lexical == null) {
      throw new IllegalArgumentException("a stacked model needs its lexical model");
    }
    if (lexical != null && !lexical.taxonomy().equals(taxonomy)) {
      throw new IllegalArgumentException("the lexical model's labels " + lexical.taxonomy().names()
          + " differ from the stack's " + taxonomy.names());
    }
    this.lexical = lexical;
    this.lexicalInputs = lexicalInputs;
    int k = taxonomy.size();
    this.inputs = inputCount(embedder.id().dimension(), lexicalInputs ? k : 0);
    if (weights.length != (long) k * inputs || bias.length != k || thresholds.length != k) {
      throw new IllegalArgumentException("a stack of " + k + " outputs over " + inputs
          + " inputs needs " + (k * inputs) + " weights, " + k + " biases and " + k
          + " thresholds; got " + weights.length + ", " + bias.length + ", " + thresholds.length);
    }
    for (float w : weights) {
      if (!Float.isFinite(w)) {
        throw new IllegalArgumentException("weights must be finite");
      }
    }
    for (double t : thresholds) {
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("thresholds must be in [0, 1], was " + t);
      }
    }
    this.weights = weights;
    this.bias = bias.clone();
    this.thresholds = thresholds.clone();
    this.outputLabels = new int[k];
    for (int o = 0; o < k; o++) {
      outputLabels[o] = o;
    }
  }

  /** The number of inputs of a stack over vectors of {@code dimension} and {@code scores} scores. */
  public static int inputCount(int dimension, int scores) {
    return dimension + scores;
  }

  /**
   * The stack's inputs: the encoder vector, then the lexical scores (none for an encoder-only
   * stack). Training builds its rows with this method, so they match what is scored.
   */
  public static double[] inputs(float[] vector, double[] lexicalScores) {
    double[] x = new double[vector.length + lexicalScores.length];
    for (int j = 0; j < vector.length; j++) {
      x[j] = vector[j];
    }
    System.arraycopy(lexicalScores, 0, x, vector.length, lexicalScores.length);
    return x;
  }

  /** The stack's inputs for one statement. */
  public double[] inputs(StanceInput input) {
    float[] v = embedder.embed(input.text());
    return inputs(v, lexicalInputs ? lexical.scoreArray(input) : new double[0]);
  }

  @Override
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Multi-label or single-label, as the lexical model. */
  public Mode mode() {
    return mode;
  }

  /** The lexical model this stack was trained with, or null for an encoder-only model. */
  public StanceModel lexical() {
    return lexical;
  }

  /** Whether the lexical model's scores are inputs of the stack. */
  public boolean lexicalInputs() {
    return lexicalInputs;
  }

  /** The encoder whose vectors the stack reads. */
  public TextEmbedder embedder() {
    return embedder;
  }

  /** Where the model came from. */
  public Provenance provenance() {
    return provenance;
  }

  /** This model with another provenance (metrics added at training time). */
  public StackedClassifier withProvenance(Provenance p) {
    return new StackedClassifier(taxonomy, mode, lexical, lexicalInputs, embedder, weights, bias,
        thresholds, p);
  }

  /**
   * This model reading its vectors from another embedder of the same encoder (training embeds
   * through a table of vectors; the saved model embeds with the encoder itself).
   *
   * @throws IllegalArgumentException when the embedder's encoder has other weights
   */
  public StackedClassifier withEmbedder(TextEmbedder other) {
    if (!other.id().sameWeights(embedder.id())) {
      throw new IllegalArgumentException("the model was trained on " + embedder.id().describe()
          + ", not " + other.id().describe());
    }
    return new StackedClassifier(taxonomy, mode, lexical, lexicalInputs, other, weights, bias,
        thresholds, provenance);
  }

  /** The number of inputs of each output. */
  public int inputCount() {
    return inputs;
  }

  /** The weight of input j for output o. */
  public float weight(int o, int j) {
    return weights[o * inputs + j];
  }

  /** The bias of output o. */
  public float bias(int o) {
    return bias[o];
  }

  /** The decision threshold of output o. */
  public double threshold(int o) {
    return thresholds[o];
  }

  @Override
  public double[] scoreArray(StanceInput input) {
    return scoresFromInputs(inputs(input));
  }

  /** Every label's score, in taxonomy order, from the stack's inputs. */
  public double[] scoresFromInputs(double[] x) {
    if (x.length != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " inputs, got " + x.length);
    }
    int k = taxonomy.size();
    double[] s = new double[k];
    double sum = 0;
    for (int o = 0; o < k; o++) {
      double z = bias[o];
      int base = o * inputs;
      for (int j = 0; j < inputs; j++) {
        z += weights[base + j] * x[j];
      }
      s[o] = 1.0 / (1.0 + Math.exp(-z));
      sum += s[o];
    }
    if (mode == Mode.SINGLE_LABEL && sum > 0) {
      for (int o = 0; o < k; o++) {
        s[o] /= sum;
      }
    }
    return s;
  }

  @Override
  public List<Position> classify(StanceInput input) {
    return positions(scoreArray(input));
  }

  /** The positions these scores (in taxonomy order) give, by the rules of {@link Positions}. */
  public List<Position> positions(double[] scores) {
    if (mode == Mode.SINGLE_LABEL) {
      return Positions.best(taxonomy, scores);
    }
    return Positions.passing(taxonomy, outputLabels, thresholds, scores);
  }

  /** The weights as a new array, output-major (for the model file). */
  float[] weightsCopy() {
    return weights.clone();
  }
}
