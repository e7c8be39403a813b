package io.github.demarche.examples;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.eval.Reports;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import io.github.demarche.output.OutputPaths;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Retraining Demarche on your own data and labels: reads a JSON Lines stance dataset with a
 * {@code target} field and a custom label set (FAVOR, AGAINST, NEUTRAL), measures a model with
 * cross-validation grouped by {@code source}, trains on all of it, saves the model, reloads it and
 * classifies new statements towards their targets. Stateless and thread-safe.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl examples -am process-classes
 * -Dexample=RetrainExample [-Dexec.args="DATA.jsonl MODEL.dmm"]}.
 */
public final class RetrainExample {
  /** The invented stance dataset written for this example. */
  public static final String DEFAULT_DATA = "examples/data/stance-targets.jsonl";
  /** Where the trained model is saved by default. */
  public static final String DEFAULT_MODEL = "examples/target/stance-targets.dmm";
  /** Cross-validation folds; records sharing a {@code source} always land in the same fold. */
  public static final int FOLDS = 5;

  /** New statements, not in the data, with the target each is about. */
  static final List<StanceInput> NEW_STATEMENTS = List.of(
      new StanceInput("Building two more reactors is the sensible way to decarbonise.", "nuclear power"),
      new StanceInput("The fee just punishes commuters who have no train to take.", "congestion charging"),
      new StanceInput("The trial will start in forty firms next April.", "a four-day work week"),
      new StanceInput("Let the children wear what they like.", "school uniforms"));

  private RetrainExample() {}

  /** What one run produced: the cross-validation figures and the reloaded model. */
  record Outcome(Evaluation crossValidation, StanceModel trained, StanceModel reloaded) {}

  public static void main(String[] args) throws IOException {
    int code = cli(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command line with its streams; returns the exit code (0, 1 write failed, 2 bad input). */
  static int cli(String[] args, PrintStream stdout, PrintStream stderr) throws IOException {
    String data = args.length > 0 ? args[0] : DEFAULT_DATA;
    Path model = Path.of(args.length > 1 ? args[1] : DEFAULT_MODEL);
    if (OutputPaths.same(model, Path.of(data))) {
      stderr.println("error: " + model + " is the training data; saving would destroy it");
      return 2;
    }
    try {
      run(data, model, stdout);
    } catch (DataException e) {
      stderr.println("error: " + e.getMessage());
      return 2;
    }
    if (stdout.checkError()) { // a PrintStream keeps write errors to itself
      stderr.println("error: cannot write the report to standard output");
      return 1;
    }
    return 0;
  }


  /** Cross-validates, trains, saves to {@code modelFile}, reloads and classifies; reports to out. */
  static Outcome run(String data, Path modelFile, PrintStream out) throws IOException {
    List<Example> examples = Datasets.read(data);  // names file, line and field of a bad record
    TrainingConfig config = TrainingConfig.defaults();  // or TrainingConfig.fromProperties(...)

    // 1. How well does this configuration learn these labels? Grouped K-fold cross-validation.
    Evaluation cv = new CrossValidator(config, FOLDS, new Evaluator(3)).run(examples);
    out.printf(Locale.ROOT, "%d-fold cross-validation on %s (grouped by source)%n", FOLDS, data);
    out.println(Reports.toText(cv));

    // 2. Train on everything, save, and load it back as an application would.
    StanceModel trained = new Trainer(config).train(examples);
    ModelFile.write(trained, modelFile);
    StanceModel reloaded = ModelFile.read(modelFile);
    out.printf("saved %s: labels %s, %d features%n%n", modelFile, reloaded.taxonomy().names(),
        reloaded.featureCount());

    // 3. Classify new statements towards their targets; the model is thread-safe, share it.
    for (StanceInput input : NEW_STATEMENTS) {
      Position best = reloaded.classify(input).get(0);
      out.printf(Locale.ROOT, "%-8s %.2f  [%s] %s%n", best.label(), best.score(), input.target(),
          input.text());
    }
    return new Outcome(cv, trained, reloaded);
  }
}
