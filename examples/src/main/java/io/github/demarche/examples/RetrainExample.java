package io.github.demarche.examples;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.DataException;
import io.github.demarche.data.DataWarnings;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.data.JsonLines;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Retraining Demarche on your own data and labels: reads a JSON Lines stance dataset with a
 * {@code target} field and a custom label set (FAVOR, AGAINST, NEUTRAL), measures a model with
 * cross-validation grouped by {@code source}, trains on all of it, saves the model, reloads it and
 * classifies statements from your own data: those of a JSON Lines file of new statements
 * ({@code text}, optional {@code target}) when you give one, else a few records of the training
 * data, one per label, next to their gold label. Warns about labels that look like typos or have
 * too few examples. Stateless and thread-safe.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl examples -am process-classes
 * -Dexample=RetrainExample [-Dexec.args="DATA.jsonl MODEL.dmm [NEW.jsonl]"]}.
 */
public final class RetrainExample {
  /** The invented stance dataset written for this example. */
  public static final String DEFAULT_DATA = "examples/data/stance-targets.jsonl";
  /** New statements (not in the data) for the model trained on the invented dataset. */
  public static final String DEFAULT_NEW_STATEMENTS = "examples/data/stance-targets-new.jsonl";
  /** Where the trained model is saved by default. */
  public static final String DEFAULT_MODEL = "examples/target/stance-targets.dmm";
  /** Cross-validation folds; records sharing a {@code source} always land in the same fold. */
  public static final int FOLDS = 5;

  private RetrainExample() {}

  /**
   * What one run produced: the cross-validation figures, the models, and the statements it
   * classified with the label each got.
   */
  record Outcome(Evaluation crossValidation, StanceModel trained, StanceModel reloaded,
      List<Classified> classified) {}

  /**
   * One classified statement; {@code gold} is its label in the data, or null for a new one;
   * {@code best} is null when the model takes no position (a model without a {@code none} label
   * abstains below its learned confidence).
   */
  record Classified(StanceInput input, String gold, Position best) {}

  private static Position best(StanceModel model, StanceInput input) {
    List<Position> positions = model.classify(input);
    return positions.isEmpty() ? null : positions.get(0);
  }

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
    // with your own data and no third argument, a few of your own records are classified
    String statements = args.length > 2 ? args[2] : args.length == 0 ? DEFAULT_NEW_STATEMENTS : null;
    try {
      run(data, model, statements, stdout);
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

  /**
   * Cross-validates, trains, saves to {@code modelFile}, reloads and classifies the statements of
   * {@code newStatements} (or, when null, a few of the data's own); reports to out.
   */
  static Outcome run(String data, Path modelFile, String newStatements, PrintStream out)
      throws IOException {
    List<Example> examples = Datasets.read(data);  // names file, line and field of a bad record
    TrainingConfig config = TrainingConfig.defaults();  // or TrainingConfig.fromProperties(...)
    // typos of a label ("FAVR" next to "FAVOR"), rare labels, records without a source
    DataWarnings.labels(data, examples).forEach(w -> out.println("warning: " + w));
    DataWarnings.grouping(data, examples).forEach(w -> out.println("warning: " + w));

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

    // 3. Classify statements of your own; the model is thread-safe, share it.
    List<Classified> classified = new ArrayList<>();
    if (newStatements != null) {
      out.printf("statements of %s:%n", newStatements);
      JsonLines.forEach(newStatements, line -> {
        String text = Datasets.requiredText(newStatements, line.number(), line.object());
        String target = Datasets.optionalString(newStatements, line.number(), line.object(), "target");
        StanceInput input = new StanceInput(text, target);
        classified.add(new Classified(input, null, best(reloaded, input)));
      });
    } else {
      out.printf("one statement of %s per label (seen in training, so expect them right; give a"
          + " third argument, a JSON Lines file of new statements, to classify those):%n", data);
      Set<String> shown = new HashSet<>();
      for (Example e : examples) {
        if (shown.add(e.labels().get(0))) {
          StanceInput input = new StanceInput(e.text(), e.target());
          classified.add(new Classified(input, e.labels().get(0), best(reloaded, input)));
        }
      }
    }
    for (Classified c : classified) {
      out.printf(Locale.ROOT, "%-8s %.2f %s[%s] %s%n", c.best() == null ? "-" : c.best().label(),
          c.best() == null ? reloaded.noPositionBelow() : c.best().score(),
          c.gold() == null ? "" : "(gold " + c.gold() + ") ",
          c.input().target() == null ? "-" : c.input().target(), c.input().text());
    }
    return new Outcome(cv, trained, reloaded, classified);
  }
}
