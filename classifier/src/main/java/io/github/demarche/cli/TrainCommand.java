package io.github.demarche.cli;

import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.model.ModelCard;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import io.github.demarche.tune.Autotuner;
import io.github.demarche.tune.SearchSpace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demarche train}: trains a model from labelled JSON Lines and saves it. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model on labelled JSON Lines and save it.")
final class TrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "training JSON Lines; repeat to join files")
  List<String> data;

  @Option(names = "--dev", paramLabel = "FILE", description = "held-out JSON Lines; its figures are stored in the model")
  String dev;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "where to write the model file")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "" + TrainingConfig.DEFAULT_SEED)
  long seed;

  @Option(names = "--cv", paramLabel = "K", defaultValue = "0", description = "also cross-validate with K grouped folds and put the figures in the model card")
  int cvFolds;

  @Option(names = "--config", paramLabel = "FILE", description = "training settings as a .properties file (keys features.* and train.*)")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "one training setting, e.g. train.lambda=0.5; overrides --config")
  Map<String, String> settings;

  @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Autotuning%n")
  AutotuneOptions autotune;

  /** {@code --autotune} and the options that shape its search. */
  static final class AutotuneOptions {
    @Option(names = "--autotune", required = true, description = "search the feature and training settings by grouped cross-validation on the training data, train with the best and put every trial in the model card")
    boolean enabled;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "600", description = "no new trial starts after this many seconds of search (default: ${DEFAULT-VALUE})")
    double budget;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE, description = "at most N trials, the starting configuration included; with the seed, makes the search exactly repeatable")
    int trials;

    @Option(names = "--tune-folds", paramLabel = "K", defaultValue = "5", description = "grouped folds per trial (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--tune-labels", paramLabel = "LABEL", split = ",", description = "maximise the mean F1 of these labels (e.g. FAVOR,AGAINST for SemEval's F_avg) instead of macro-F1")
    List<String> labels;
  }

  @Override
  public Integer call() throws IOException {
    TrainingConfig config = config();
    List<Example> examples = Datasets.readAll(data);
    String tuning = null;
    if (autotune != null) {
      Tuned tuned = autotune(config, examples);
      config = tuned.config();
      tuning = tuned.markdown();
    }
    List<Example> devExamples = dev == null ? List.of() : Datasets.read(dev);
    long t0 = System.nanoTime();
    StanceModel model = new Trainer(config).train(examples);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!devExamples.isEmpty()) {
      Evaluation e = new Evaluator().evaluate(model, devExamples);
      model = model.withProvenance(model.provenance().withMetrics(e.headline("dev")));
      spec.commandLine().getErr().printf(Locale.ROOT, "dev: n=%d accuracy=%.4f micro-F1=%.4f macro-F1=%.4f%n",
          e.n(), e.accuracy(), e.microF1(), e.macroF1());
    }
    List<String> cvLines = new java.util.ArrayList<>();
    if (cvFolds != 0) {
      if (cvFolds < 2) {
        throw new Main.UsageException("--cv must be 0 or at least 2, was " + cvFolds);
      }
      Evaluation cv = new CrossValidator(config, cvFolds, new Evaluator()).run(examples);
      cvLines.add(String.format(Locale.ROOT,
          "%d-fold grouped cross-validation on the training data: macro-F1 %.4f, micro-F1 %.4f,"
              + " accuracy %.4f, calibration error %.4f", cvFolds, cv.macroF1(), cv.microF1(),
          cv.accuracy(), cv.calibrationError()));
      spec.commandLine().getErr().println("cv: " + cvLines.get(0));
    }
    Path card = cardPath(out);
    try {
      ModelFile.write(model, out);
      Files.writeString(card, ModelCard.render(model, data, cvLines) + (tuning == null ? "" : tuning));
    } catch (IOException e) {
      throw new Main.UsageException("cannot write the model to " + out + ": " + reason(e));
    }
    spec.commandLine().getErr().printf(Locale.ROOT, "trained on %d statements (%d labels, %d features) in %.1f s; wrote %s and %s%n",
        examples.size(), model.taxonomy().size(), model.featureCount(), seconds, out, card);
    return 0;
  }

  private record Tuned(TrainingConfig config, String markdown) {}

  /** Runs the search, printing each trial to stderr as it ends; the best configuration and the card section. */
  private Tuned autotune(TrainingConfig start, List<Example> examples) {
    AutotuneOptions o = autotune;
    if (o.labels != null) {
      java.util.Set<String> known = new java.util.TreeSet<>();
      examples.forEach(e -> known.addAll(e.labels()));
      for (String label : o.labels) {
        if (!known.contains(label)) {
          throw new Main.UsageException("--tune-labels: no training record has the label '" + label
              + "'; labels: " + known);
        }
      }
    }
    Autotuner tuner;
    try {
      tuner = new Autotuner(SearchSpace.defaults(), o.folds, o.labels == null ? List.of() : o.labels,
          o.trials, o.budget, System::nanoTime);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--autotune: " + e.getMessage());
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("autotune: " + tuner.describe());
    err.print(tuner.header());
    Autotuner.Result result;
    try {
      result = tuner.tune(examples, start, t -> {
        err.println(tuner.row(t, false));
        err.flush();
      });
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--autotune: " + e.getMessage());
    }
    err.printf(Locale.ROOT, "autotune: stopped: %s; best is trial %d (%.4f)%n", result.stopReason(),
        result.best().number(), result.best().score());
    String markdown = "\n## Autotuning\n\n" + "Search: " + tuner.describe() + "; stopped: "
        + result.stopReason() + ". The model was trained with trial " + result.best().number()
        + "'s settings.\n\n" + tuner.table(result);
    return new Tuned(result.bestConfig(), markdown);
  }

  /** The model card's path: the model's name with its extension replaced by {@code .card.md}. */
  static Path cardPath(Path model) {
    String name = model.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return model.resolveSibling(stem + ".card.md");
  }

  /** The reason of a file-system error without the path the message repeats. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e instanceof NoSuchFileException ? "no such directory" : String.valueOf(e.getMessage());
  }


  private TrainingConfig config() throws IOException {
    Properties p = new Properties();
    if (configFile != null) {
      if (Files.isDirectory(configFile)) {
        throw new Main.UsageException(configFile + ": is a directory, not a settings file");
      }
      try (InputStream in = Files.newInputStream(configFile)) {
        p.load(in);
      } catch (NoSuchFileException e) {
        throw new Main.UsageException(configFile + ": no such file");
      } catch (IOException e) {
        throw new Main.UsageException(configFile + ": cannot be read: " + reason(e));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException(configFile + ": not a valid .properties file: " + e.getMessage());
      }
    }
    if (settings != null) {
      settings.forEach(p::setProperty);
    }
    p.setProperty("train.seed", Long.toString(seed));
    for (String key : p.stringPropertyNames()) {
      if (!TrainingConfig.defaults().toProperties().containsKey(key)) {
        throw new Main.UsageException("unknown training setting '" + key + "'; known: "
            + new java.util.TreeSet<>(TrainingConfig.defaults().toProperties().stringPropertyNames()));
      }
    }
    return TrainingConfig.fromProperties(p);
  }
}
