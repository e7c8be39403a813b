package io.github.demarche.baseline;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.model.Mode;
import io.github.demarche.model.Positions;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The yardstick Demarche's classifier is measured against: Apache OpenNLP's maximum-entropy
 * document categorizer ({@link DocumentCategorizerME}) over lower-cased unigrams and bigrams of
 * {@link SimpleTokenizer} tokens, the tokenizer Demarche uses. Multi-label data gets one binary
 * categorizer per label (one-vs-rest), with the exclusive label ("none") assigned when no other
 * label reaches 0.5; single-label data gets one multiclass categorizer. The stance target, if
 * any, is ignored.
 *
 * <p>Thread-safe: the trained {@link DoccatModel}s are shared, while each thread gets its own
 * {@code DocumentCategorizerME} instances (OpenNLP does not promise that they may be shared).
 */
public final class OpenNlpBaseline implements StanceClassifier {
  /** The outcome of a binary categorizer meaning "the label applies". */
  static final String YES = "yes";
  static final String NO = "no";

  /**
   * Training settings of the baseline. Immutable and thread-safe.
   *
   * @param iterations GIS iterations, at least 1 (OpenNLP's default is 100)
   * @param cutoff features seen fewer times than this are dropped, at least 0
   */
  public record Params(int iterations, int cutoff) {
    public Params {
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
      }
      if (cutoff < 0) {
        throw new IllegalArgumentException("cutoff must be at least 0, was " + cutoff);
      }
    }

    /** 100 iterations, cutoff 1 (every feature seen in training is kept). */
    public static Params defaults() {
      return new Params(100, 1);
    }
  }

  private final Taxonomy taxonomy;
  private final Mode mode;
  /**
   * One model per output: for multi-label data output o is the binary model of {@code
   * outputLabels[o]}; for single-label data there is one multiclass model.
   */
  private final List<DoccatModel> models;
  /** Taxonomy index of each binary output (multi-label only). */
  private final int[] outputLabels;
  /**
   * A fixed probability for outputs whose label is on every or no training example (OpenNLP
   * cannot train a one-outcome model); NaN where a model exists.
   */
  private final double[] constantScores;
  /** For the multiclass model, the taxonomy index of each of its outcomes. */
  private final int[] outcomeLabels;
  /** 0.5 for every binary output. */
  private final double[] thresholds;
  private final int exclusive;
  private final ThreadLocal<DocumentCategorizerME[]> categorizers;

  private OpenNlpBaseline(Taxonomy taxonomy, Mode mode, List<DoccatModel> models,
      int[] outputLabels, double[] constantScores) {
    this.taxonomy = taxonomy;
    this.mode = mode;
    this.models = List.copyOf(models);
    this.outputLabels = outputLabels;
    this.constantScores = constantScores;
    if (mode == Mode.SINGLE_LABEL) {
      DocumentCategorizerME me = new DocumentCategorizerME(models.get(0));
      this.outcomeLabels = new int[me.getNumberOfCategories()];
      for (int i = 0; i < outcomeLabels.length; i++) {
        outcomeLabels[i] = taxonomy.indexOf(me.getCategory(i));
      }
    } else {
      this.outcomeLabels = new int[0];
    }
    this.thresholds = new double[outputLabels.length];
    Arrays.fill(thresholds, 0.5);
    this.exclusive = Positions.exclusiveIndex(taxonomy);
    this.categorizers = ThreadLocal.withInitial(this::newCategorizers);
  }

  private DocumentCategorizerME[] newCategorizers() {
    DocumentCategorizerME[] out = new DocumentCategorizerME[models.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = models.get(i) == null ? null : new DocumentCategorizerME(models.get(i));
    }
    return out;
  }

  /**
   * Trains the baseline on the examples, deterministically (one training thread).
   *
   * @throws IllegalArgumentException when there are no examples, or single-label data has fewer
   *     than two labels
   */
  public static OpenNlpBaseline train(List<Example> examples, Params params) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    Taxonomy taxonomy = Trainer.taxonomyOf(examples);
    Mode mode = Trainer.modeOf(examples);
    List<String[]> tokens = new ArrayList<>(examples.size());
    for (Example e : examples) {
      tokens.add(tokens(e.text()));
    }
    if (mode == Mode.SINGLE_LABEL) {
      if (taxonomy.size() < 2) {
        throw new IllegalArgumentException(
            "the training data has only the label " + taxonomy.names() + "; need at least two");
      }
      List<DocumentSample> samples = new ArrayList<>(examples.size());
      for (int i = 0; i < examples.size(); i++) {
        samples.add(new DocumentSample(examples.get(i).labels().get(0), tokens.get(i)));
      }
      return new OpenNlpBaseline(taxonomy, mode, List.of(fit(samples, params)), new int[0],
          new double[0]);
    }
    String exclusive = taxonomy.exclusiveLabel().orElse(null);
    List<Integer> outputs = new ArrayList<>();
    for (int l = 0; l < taxonomy.size(); l++) {
      if (!taxonomy.labels().get(l).name().equals(exclusive)) {
        outputs.add(l);
      }
    }
    List<DoccatModel> models = new ArrayList<>(outputs.size());
    double[] constants = new double[outputs.size()];
    for (int o = 0; o < outputs.size(); o++) {
      String label = taxonomy.labels().get(outputs.get(o)).name();
      List<DocumentSample> samples = new ArrayList<>(examples.size());
      int positives = 0;
      for (int i = 0; i < examples.size(); i++) {
        boolean yes = examples.get(i).labels().contains(label);
        positives += yes ? 1 : 0;
        samples.add(new DocumentSample(yes ? YES : NO, tokens.get(i)));
      }
      if (positives == 0 || positives == examples.size()) {
        // the smoothed base rate, as Demarche's trainer does for a one-class label
        constants[o] = (positives + 0.5) / (examples.size() + 1.0);
        models.add(null);
      } else {
        constants[o] = Double.NaN;
        models.add(fit(samples, params));
      }
    }
    return new OpenNlpBaseline(taxonomy, mode, models,
        outputs.stream().mapToInt(Integer::intValue).toArray(), constants);
  }

  private static DoccatModel fit(List<DocumentSample> samples, Params params) {
    TrainingParameters tp = TrainingParameters.defaultParams();
    tp.put(TrainingParameters.ITERATIONS_PARAM, params.iterations());
    tp.put(TrainingParameters.CUTOFF_PARAM, params.cutoff());
    tp.put(TrainingParameters.THREADS_PARAM, 1);
    // in memory, no temporary files; OpenNLP 2.x reports progress through SLF4J only, so with
    // no SLF4J binding (or slf4j-nop) training prints nothing
    tp.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
    try {
      return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), tp,
          new DoccatFactory(featureGenerators()));
    } catch (IOException e) {
      throw new UncheckedIOException("OpenNLP could not train the baseline", e);
    }
  }

  private static FeatureGenerator[] featureGenerators() {
    try {
      return new FeatureGenerator[] {
        new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)
      };
    } catch (InvalidFormatException e) {
      throw new IllegalStateException("OpenNLP refused the bigram range 2..2", e);
    }
  }

  /** Lower-cased {@link SimpleTokenizer} tokens, the input of every categorizer. */
  static String[] tokens(String text) {
    String[] t = SimpleTokenizer.INSTANCE.tokenize(text);
    for (int i = 0; i < t.length; i++) {
      t[i] = t[i].toLowerCase(Locale.ROOT);
    }
    return t;
  }

  @Override
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public Mode mode() {
    return mode;
  }

  /** How many OpenNLP categorizers a classification runs (one per label with a model). */
  public int categorizerCount() {
    return (int) models.stream().filter(m -> m != null).count();
  }

  @Override
  public double[] scoreArray(StanceInput input) {
    String[] tokens = tokens(input.text());
    DocumentCategorizerME[] mine = categorizers.get();
    double[] s = new double[taxonomy.size()];
    if (mode == Mode.SINGLE_LABEL) {
      double[] p = mine[0].categorize(tokens);
      for (int i = 0; i < p.length; i++) {
        s[outcomeLabels[i]] = p[i];
      }
      return s;
    }
    double best = 0;
    for (int o = 0; o < outputLabels.length; o++) {
      double p;
      if (mine[o] == null) {
        p = constantScores[o];
      } else {
        double[] dist = mine[o].categorize(tokens);
        p = dist[mine[o].getIndex(YES)];
      }
      s[outputLabels[o]] = p;
      best = Math.max(best, p);
    }
    Positions.scoreExclusive(exclusive, best, s);
    return s;
  }

  @Override
  public List<Position> classify(StanceInput input) {
    double[] s = scoreArray(input);
    return mode == Mode.SINGLE_LABEL
        ? Positions.best(taxonomy, s)
        : Positions.passing(taxonomy, outputLabels, thresholds, s);
  }
}
