package io.github.demarche.cli;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceClassifier;
import io.github.demarche.data.Example;
import io.github.demarche.encoder.Encoder;
import io.github.demarche.encoder.EncoderId;
import io.github.demarche.encoder.EncoderModelFile;
import io.github.demarche.encoder.StackedClassifier;
import io.github.demarche.encoder.TextEmbedder;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.model.ModelCard;
import io.github.demarche.stack.EmbeddingTable;
import io.github.demarche.stack.StackConfig;
import io.github.demarche.stack.StackTrainer;
import io.github.demarche.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the command line does with the sentence-encoder family ({@code --family encoder}): loads
 * either family's model files by what the file says it is, trains and cross-validates stacked
 * models, and writes their model cards. Stateless and thread-safe.
 */
final class EncoderFamily {
  private EncoderFamily() {}

  /** The model families {@code train} and {@code eval} can be told to use. */
  enum Family {
    /** The fast lexical model (the default). */
    lexical,
    /** A sentence encoder stacked with the lexical model's scores. */
    encoder
  }

  /**
   * A model from a file of either family (the file's manifest says which), or the default model
   * for "default".
   */
  static StanceClassifier load(String nameOrPath) {
    if (!"default".equals(nameOrPath) && Files.isRegularFile(Path.of(nameOrPath))
        && EncoderModelFile.isEncoderModel(Path.of(nameOrPath))) {
      return EncoderModelFile.read(Path.of(nameOrPath));
    }
    return Demarche.loadModel(nameOrPath);
  }

  /** The encoder the settings name, loaded, with what it is said on standard error. */
  static TextEmbedder encoder(StackConfig stack, PrintWriter err) {
    long t0 = System.nanoTime();
    TextEmbedder encoder;
    try {
      encoder = Encoder.named(stack.encoder());
    } catch (IllegalStateException e) {
      throw new Main.UsageException(e.getMessage());
    }
    EncoderId id = encoder.id();
    err.printf(Locale.ROOT, "encoder: %s loaded in %.1f s%n", id.describe(),
        (System.nanoTime() - t0) / 1e9);
    return encoder;
  }

  /** Every statement's vector, embedded once on all cores, with the time it took. */
  static EmbeddingTable embed(TextEmbedder encoder, List<Example> examples, PrintWriter err) {
    long t0 = System.nanoTime();
    List<String> texts = new ArrayList<>();
    examples.forEach(e -> texts.add(e.text()));
    EmbeddingTable table = EmbeddingTable.of(encoder, texts);
    double s = (System.nanoTime() - t0) / 1e9;
    err.printf(Locale.ROOT, "encoder: embedded %d statements in %.1f s (%.0f statements/s)%n",
        table.size(), s, table.size() / s);
    err.flush();
    return table;
  }

  /** The three evaluations of {@code eval --family encoder --folds K}, on the same folds. */
  record Comparison(Evaluation stacked, Evaluation lexical, Evaluation encoderOnly) {}

  /**
   * Cross-validates the stacked model, the lexical model alone and the encoder's vector alone on
   * the same grouped folds (seeded by the lexical configuration's seed).
   */
  static Comparison crossValidate(List<Example> examples, TrainingConfig config, StackConfig stack,
      int folds, Evaluator evaluator, PrintWriter err) {
    TextEmbedder encoder = encoder(stack, err);
    EmbeddingTable table = embed(encoder, examples, err);
    Evaluation lexical = new CrossValidator(config, folds, new Evaluator()).run(examples);
    progress(err, "lexical alone", lexical);
    Evaluation alone = new CrossValidator(new StackTrainer(config, stack.withLexicalInputs(false))
        .learner(table), folds, config.seed(), new Evaluator()).run(examples);
    progress(err, "encoder alone", alone);
    Evaluation stacked = new CrossValidator(new StackTrainer(config, stack).learner(table), folds,
        config.seed(), evaluator).run(examples);
    progress(err, "stacked", stacked);
    return new Comparison(stacked, lexical, alone);
  }

  private static void progress(PrintWriter err, String what, Evaluation e) {
    err.printf(Locale.ROOT, "cv: %s: macro-F1 %.4f, micro-F1 %.4f%n", what, e.macroF1(),
        e.microF1());
    err.flush();
  }

  /** Trains a stacked model on the examples, embedding each statement once. */
  static StackedClassifier train(List<Example> examples, TrainingConfig config, StackConfig stack,
      PrintWriter err) {
    TextEmbedder encoder = encoder(stack, err);
    EmbeddingTable table = embed(encoder, examples, err);
    // the table served training; the model embeds new text with the encoder itself
    return new StackTrainer(config, stack).train(examples, table).withEmbedder(encoder);
  }

  /** The model card of a stacked model: the encoder and stack, then its lexical model's card. */
  static String card(StackedClassifier model, ModelCard.Sources sources, List<String> cvLines) {
    EncoderId id = model.embedder().id();
    StringBuilder sb = new StringBuilder();
    sb.append("# Model card: sentence-encoder model (Demarche encoder family)\n\n");
    sb.append("A pretrained sentence encoder (several side by side when their names are joined by"
            + " +), ").append(id.describe())
        .append(", run in-process with ONNX Runtime; its ").append(id.dimension())
        .append("-value vector of each statement")
        .append(model.lexicalInputs() ? " and the lexical model's calibrated scores are" : " is")
        .append(" the input of one logistic model per label. Needs demarche-encoder (about 155 MB"
            + " of jars) and embeds a statement in milliseconds where the lexical model takes"
            + " microseconds: see docs/encoder.md.\n\n");
    sb.append("- encoder: `").append(id.name()).append("` ").append(id.version())
        .append(", weights SHA-256 `").append(id.weightsSha256()).append("`\n");
    for (Map.Entry<String, String> e : model.provenance().hyperparameters().entrySet()) {
      if (StackConfig.isStackKey(e.getKey())) {
        sb.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
      }
    }
    for (int o = 0; o < model.taxonomy().size(); o++) {
      sb.append(String.format(Locale.ROOT, "- threshold of `%s`: %.2f%n",
          model.taxonomy().labels().get(o).name(), model.threshold(o)));
    }
    if (!cvLines.isEmpty()) {
      sb.append("\n## Cross-validation\n\n");
      cvLines.forEach(l -> sb.append("- ").append(l).append('\n'));
    }
    sb.append("\n## Its lexical model\n\n");
    String lexical = ModelCard.render(model.lexical(), sources, List.of());
    sb.append(lexical.replaceAll("(?m)^#", "##"));
    return sb.toString();
  }
}
