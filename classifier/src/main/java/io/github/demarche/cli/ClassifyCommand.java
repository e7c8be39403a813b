package io.github.demarche.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.batch.BatchOptions;
import io.github.demarche.batch.BatchSummary;
import io.github.demarche.batch.RecordFunction;
import io.github.demarche.data.Datasets;
import io.github.demarche.domain.Position;
import io.github.demarche.explain.Contribution;
import io.github.demarche.explain.Explainer;
import io.github.demarche.explain.Explanation;
import io.github.demarche.language.LanguageCheck;
import io.github.demarche.model.StanceModel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche classify}: JSON Lines in, the same objects with their positions out. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {
        "Classify JSON Lines statements ({\"text\": ..., \"target\": ...}); prints each object with its"
            + " positions, one line per input record, in input order.",
        "Exit codes: 0 all records done; 2 bad input (with --on-error fail, the first bad record);"
            + " 3 some records failed (with --on-error report); 1 other failures."})
final class ClassifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "default", description = "a model file, or 'default' (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--explain", paramLabel = "N", arity = "0..1", fallbackValue = "5", description = "add to each position the N words that contributed most (default N: 5)")
  Integer explain;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-", description = "JSON Lines input, or - for standard input (default)")
  String input;

  @Mixin BatchMixin batch;

  @Override
  public Integer call() {
    BatchOptions options = batch.options();
    StanceModel m = Demarche.loadModel(model);
    if (explain != null && explain < 1) {
      throw new Main.UsageException("--explain must be at least 1, was " + explain);
    }
    Explainer explainer = explain == null ? null : new Explainer(m);
    LanguageCheck language = batch.languageCheck ? new LanguageCheck() : null;
    RecordFunction classify = r -> {
      ObjectNode o = r.json();
      String text = Datasets.requiredText(r.source(), r.line(), o);
      String target = Datasets.optionalString(r.source(), r.line(), o, "target");
      if (language != null) {
        language.observe(r.line(), text);
      }
      StanceInput in = new StanceInput(text, target);
      ArrayNode arr = o.putArray("positions");
      if (explainer != null) {
        for (Explanation x : explainer.explain(in, explain)) {
          ObjectNode pos = arr.addObject().put("label", x.label()).put("score", Math.round(x.score() * 1e4) / 1e4)
              .put("baseline", Math.round(x.baseline() * 1e4) / 1e4);
          ArrayNode why = pos.putArray("explanation");
          for (Contribution c : x.contributions()) {
            why.addObject().put("feature", c.feature()).put("weight", Math.round(c.weight() * 1e4) / 1e4);
          }
        }
      } else {
        for (Position p : m.classify(in)) {
          arr.addObject().put("label", p.label()).put("score", Math.round(p.score() * 1e4) / 1e4);
        }
      }
      return List.of(o);
    };
    BatchSummary summary = batch.run("classify", input, options, classify, spec);
    if (language != null) {
      language.warning().ifPresent(w -> spec.commandLine().getErr().println("demarche: warning: " + input + ": " + w));
    }
    return batch.exitCode(input, summary, spec);
  }
}
