package io.github.demarche.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.data.JsonLines;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.eval.Reports;
import io.github.demarche.model.StanceModel;
import io.github.demarche.train.TrainingConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demarche eval}: scores a model on labelled data, or cross-validates on it. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a model on labelled JSON Lines, or cross-validate with --folds.")
final class EvalCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", description = "a model file, or 'default' (default: ${DEFAULT-VALUE})", defaultValue = "default")
  String model;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "labelled JSON Lines; repeat to join files")
  List<String> data;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(names = "--folds", paramLabel = "K", description = "K-fold cross-validation on the data (grouped by source) instead of a model")
  Integer folds;

  @Option(names = "--seed", paramLabel = "N", description = "seed for fold assignment with --folds (default: the default model's)")
  Long seed;

  @Option(names = "--errors", paramLabel = "N", defaultValue = "0", description = "also list the N worst misclassified statements")
  int errors;

  @Override
  public Integer call() {
    if (errors < 0) {
      throw new Main.UsageException("--errors must be >= 0, was " + errors);
    }
    List<Example> examples = Datasets.readAll(data);
    Evaluator evaluator = new Evaluator(errors);
    Evaluation result;
    if (folds != null) {
      if (folds < 2) {
        throw new Main.UsageException("--folds must be at least 2, was " + folds);
      }
      TrainingConfig config = TrainingConfig.defaults();
      if (seed != null) {
        config = config.withSeed(seed);
      }
      result = new CrossValidator(config, folds, evaluator).run(examples);
    } else {
      StanceModel m = Demarche.loadModel(model);
      result = evaluator.evaluate(m, examples);
    }
    var out = spec.commandLine().getOut();
    if (!result.unknownLabels().isEmpty()) {
      spec.commandLine().getErr().println("demarche: warning: the data has labels the model does not know, counted as misses: " + result.unknownLabels());
    }
    if (json) {
      ObjectNode o = Reports.toJson(result);
      out.println(o.toString());
    } else {
      out.print(Reports.toText(result));
    }
    out.flush();
    return 0;
  }
}
