package io.github.demarche.cli;

import io.github.demarche.data.DataWarnings;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.encoder.EncoderModelFile;
import io.github.demarche.encoder.StackedClassifier;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.model.ModelCard;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import io.github.demarche.output.AtomicFile;
import io.github.demarche.output.OutputPaths;
import io.github.demarche.stack.StackConfig;
import io.github.demarche.stack.StackTrainer;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import io.github.demarche.tune.Autotuner;
import io.github.demarche.tune.SearchSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  @Option(names = "--seed", paramLabel = "N", description = "random seed; wins over train.seed in --config or --set"
      + " (default: that setting, else " + TrainingConfig.DEFAULT_SEED + ")")
  Long seed;

  @Option(names = "--cv", paramLabel = "K", defaultValue = "0", description = "also cross-validate with K grouped folds and put the figures in the model card")
  int cvFolds;

  @Option(names = "--config", paramLabel = "FILE", description = "training settings as a .properties file (keys features.* and train.*)")
  Path configFile;

  @Option(names = "--intended-use", paramLabel = "TEXT", description = "what the model is for and"
      + " what not, for the model card (default: the diplomatic-news text for the bundled"
      + " taxonomy's labels, else a neutral text asking you to write one)")
  String intendedUse;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "one training setting, e.g. train.lambda=0.5; overrides --config")
  Map<String, String> settings;

  @Option(names = "--family", paramLabel = "FAMILY", defaultValue = "lexical", description = "lexical"
      + " (default: the fast model) or encoder (a pretrained sentence encoder stacked with the"
      + " lexical model's out-of-fold scores: more accurate, hundreds of times slower per statement;"
      + " settings stack.encoder, stack.lambda, stack.lexical_scale, stack.folds, stack.lexical)")
  EncoderFamily.Family family;

  /** The {@code stack.*} settings of --config and --set, for --family encoder. */
  private final Properties stackSettings = new Properties();

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
    if (cvFolds != 0 && cvFolds < 2) { // said before training, not after it
      throw new Main.UsageException("--cv must be 0 or at least 2, was " + cvFolds);
    }
    TrainingConfig config = config();
    Path card = cardPath(out);
    checkOutputs(card);
    List<Example> examples = Datasets.readAll(data);
    String tuning = null;
    if (autotune != null && family != EncoderFamily.Family.encoder) {
      Tuned tuned = autotune(config, examples);
      config = tuned.config();
      tuning = tuned.markdown();
    }
    List<Example> devExamples = dev == null ? List.of() : Datasets.read(dev);
    java.io.PrintWriter err = spec.commandLine().getErr();
    DataWarnings.labels(String.join("+", data), examples).forEach(w -> err.println("demarche: warning: " + w));
    if (dev != null) {
      DataWarnings.unseenLabels(dev, examples, devExamples).forEach(w -> err.println("demarche: warning: " + w));
    }
    if (cvFolds != 0) {
      DataWarnings.grouping(String.join("+", data), examples).forEach(w -> err.println("demarche: warning: " + w));
    }
    if (family == EncoderFamily.Family.encoder) {
      return trainEncoder(config, card, examples, devExamples);
    }
    refuseStackSettings(stackSettings);
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
    writeModel(model, card, cvLines(config, examples, cvLines), tuning);
    spec.commandLine().getErr().printf(Locale.ROOT, "trained on %d statements (%d labels, %d features) in %.1f s; wrote %s and %s%n",
        examples.size(), model.taxonomy().size(), model.featureCount(), seconds, out, card);
    return 0;
  }

  /** {@code --family encoder}: trains, cross-validates and saves a stacked model. */
  private Integer trainEncoder(TrainingConfig config, Path card, List<Example> examples,
      List<Example> devExamples) {
    if (autotune != null) {
      throw new Main.UsageException("--autotune searches the lexical model's settings; it does not"
          + " combine with --family encoder (autotune a lexical model, then give its settings)");
    }
    StackConfig stack = StackConfig.fromProperties(stackSettings);
    java.io.PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    StackedClassifier model = EncoderFamily.train(examples, config, stack, err);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!devExamples.isEmpty()) {
      Evaluation e = new Evaluator().evaluate(model, devExamples);
      model = model.withProvenance(model.provenance().withMetrics(e.headline("dev")));
      err.printf(Locale.ROOT, "dev: n=%d accuracy=%.4f micro-F1=%.4f macro-F1=%.4f%n",
          e.n(), e.accuracy(), e.microF1(), e.macroF1());
    }
    List<String> cvLines = new java.util.ArrayList<>();
    if (cvFolds != 0) {
      var table = EncoderFamily.embed((io.github.demarche.encoder.Encoder) model.embedder(),
          examples, err);
      Evaluation cv = new CrossValidator(new StackTrainer(config, stack).learner(table), cvFolds,
          config.seed(), new Evaluator()).run(examples);
      cvLines.addAll(describe(cv));
      err.println("cv: " + cvLines.get(0));
    }
    try {
      Map<Path, byte[]> files = new java.util.LinkedHashMap<>();
      files.put(out, EncoderModelFile.toBytes(model));
      files.put(card, EncoderFamily.card(model, new ModelCard.Sources(data, dev, intendedUse),
          cvLines).getBytes(StandardCharsets.UTF_8));
      AtomicFile.writeAll(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + out + ": " + reason(e), e);
    }
    err.printf(Locale.ROOT, "trained an encoder model (%s) on %d statements in %.1f s; wrote %s and %s%n",
        model.embedder().id().name(), examples.size(), seconds, out, card);
    return 0;
  }

  private List<String> describe(Evaluation cv) {
    List<String> cvLines = new java.util.ArrayList<>();
    cvLines.add(String.format(Locale.ROOT,
        "%d-fold grouped cross-validation on the training data: macro-F1 %.4f, micro-F1 %.4f,"
            + " accuracy %.4f, calibration error %.4f", cvFolds, cv.macroF1(), cv.microF1(),
        cv.accuracy(), cv.calibrationError()));
    cv.perLabel().values().forEach(l -> cvLines.add(String.format(Locale.ROOT,
        "cross-validated `%s`: precision %.4f, recall %.4f, F1 %.4f (%d statements)",
        l.label(), l.precision(), l.recall(), l.f1(), l.support())));
    return cvLines;
  }

  private List<String> cvLines(TrainingConfig config, List<Example> examples, List<String> cvLines) {
    if (cvFolds != 0) {
      Evaluation cv = new CrossValidator(config, cvFolds, new Evaluator()).run(examples);
      cvLines.addAll(describe(cv));
      spec.commandLine().getErr().println("cv: " + cvLines.get(0));
    }
    return cvLines;
  }

  private void writeModel(StanceModel model, Path card, List<String> cvLines, String tuning) {
    try {
      // both files are written aside and moved into place together: a full disk leaves the old
      // model and card as they were, never a truncated model
      Map<Path, byte[]> files = new java.util.LinkedHashMap<>();
      files.put(out, ModelFile.toBytes(model));
      files.put(card, (ModelCard.render(model, new ModelCard.Sources(data, dev, intendedUse),
          cvLines) + (tuning == null ? "" : tuning)).getBytes(StandardCharsets.UTF_8));
      AtomicFile.writeAll(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + out + ": " + reason(e), e);
    }
  }

  /**
   * Refuses, before any training, an {@code --out} that is a directory, or a model or card path
   * that is one of the inputs: the run would destroy its own training data or settings.
   */
  private void checkOutputs(Path card) {
    if (Files.isDirectory(out)) {
      throw new Main.UsageException("cannot write the model to " + out + ": Is a directory");
    }
    // found now, not after hours of training: a parent that is a file cannot hold the model
    for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new Main.UsageException("cannot write the model to " + out + ": " + p
            + " is a file, not a directory");
      }
    }
    if (dev != null && data.stream().anyMatch(d -> Datasets.sameFile(d, dev))) {
      throw new Main.UsageException("--dev " + dev + " is also training data (--data); its figures"
          + " would not be held-out figures");
    }
    Map<String, Path> inputs = new java.util.LinkedHashMap<>();
    data.forEach(d -> inputs.putIfAbsent("--data " + d, Path.of(d)));
    if (dev != null) {
      inputs.putIfAbsent("--dev " + dev, Path.of(dev));
    }
    if (configFile != null) {
      inputs.putIfAbsent("--config " + configFile, configFile);
    }
    for (Map.Entry<String, Path> input : inputs.entrySet()) {
      if (OutputPaths.same(out, input.getValue())) {
        throw new Main.UsageException("--out " + out + " is the input " + input.getKey()
            + "; writing the model would destroy it");
      }
      if (OutputPaths.same(card, input.getValue())) {
        throw new Main.UsageException("the model card " + card + " would overwrite the input "
            + input.getKey() + "; choose another --out");
      }
    }
  }

  /** Settings read from a file: a key set twice is an error, not a silent last-one-wins. */
  private static final class NoRepeats extends Properties {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized Object put(Object key, Object value) {
      if (containsKey(key)) {
        throw new IllegalArgumentException("sets '" + key + "' twice");
      }
      return super.put(key, value);
    }
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
        Properties fromFile = new NoRepeats();
        fromFile.load(in);
        p.putAll(fromFile);
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
    // precedence: an explicit --seed, then train.seed from --set or --config, then the default
    if (seed != null) {
      p.setProperty("train.seed", Long.toString(seed));
    }
    return settings(p, stackSettings);
  }

  /**
   * Refuses {@code stack.*} settings (split off by {@link #settings(Properties, Properties)}) for
   * a lexical model, which has none.
   *
   * @throws Main.UsageException naming the settings
   */
  static void refuseStackSettings(Properties stack) {
    if (!stack.isEmpty()) {
      throw new Main.UsageException("the settings " + new java.util.TreeSet<>(
          stack.stringPropertyNames()) + " are for --family encoder");
    }
  }

  /**
   * The training configuration of these settings ({@code features.*}, {@code train.*}), the
   * defaults for those not given; {@code stack.*} keys are moved into {@code stack} when it is
   * given (the encoder family's settings) and are unknown keys otherwise.
   *
   * @throws Main.UsageException naming a key that is no training setting
   */
  static TrainingConfig settings(Properties p, Properties stack) {
    for (String key : p.stringPropertyNames()) {
      if (stack != null && StackConfig.isStackKey(key)) {
        stack.setProperty(key, p.getProperty(key));
        p.remove(key);
        continue;
      }
      if (!TrainingConfig.defaults().toProperties().containsKey(key)) {
        throw new Main.UsageException("unknown training setting '" + key + "'; known: "
            + new java.util.TreeSet<>(TrainingConfig.defaults().toProperties().stringPropertyNames()));
      }
    }
    return TrainingConfig.fromProperties(p);
  }
}
