package io.github.demarche.cli;

import io.github.demarche.api.StanceInput;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.explain.Explainer;
import io.github.demarche.explain.Explanation;
import io.github.demarche.model.StanceModel;
import io.github.demarche.report.EvaluationPage;
import io.github.demarche.report.PageFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** {@code eval --report FILE.html}: the evaluation page, written safely. Stateless. */
final class EvalReport {
  /** Worst errors a report lists when {@code --errors} asks for fewer. */
  static final int ERRORS = 10;
  /** Words shown per explained label. */
  private static final int WORDS = 6;

  private EvalReport() {}

  /** Refuses a report path that is one of the data files, before any work is done. */
  static void check(Path target, List<String> data) {
    PageFile.checkNotAnInput(target, data.stream().map(Path::of).toList());
  }

  /**
   * Writes the page of {@code result} to {@code target}; explains the errors with {@code model}
   * when there is one (not in cross-validation).
   */
  static void write(Path target, Evaluation result, StanceModel model, Integer folds,
      String modelName, List<String> data) {
    String on = String.join(", ", data);
    String title = folds != null ? folds + "-fold cross-validation on " + on
        : (modelName.equals("default") ? "default model" : modelName) + " on " + on;
    Function<Evaluation.ErrorCase, List<Explanation>> explain = c -> List.of();
    if (model != null) {
      Explainer explainer = new Explainer(model);
      explain = c -> explainer.explain(new StanceInput(c.text(), c.target()), WORDS);
    }
    try {
      PageFile.write(target, EvaluationPage.render(result, title, explain),
          data.stream().map(Path::of).toList());
    } catch (IOException e) {
      throw new Main.UsageException("cannot write the report to " + target + ": " + e.getMessage());
    }
  }
}
