package io.github.demarche.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.batch.BatchSummary;
import io.github.demarche.batch.RecordPipeline;
import io.github.demarche.batch.StatementFunction;
import io.github.demarche.domain.Position;
import io.github.demarche.explain.Contribution;
import io.github.demarche.explain.Explainer;
import io.github.demarche.explain.Explanation;
import io.github.demarche.language.LanguageCheck;
import io.github.demarche.model.StanceModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code demarche classify}: JSON Lines in, the same objects with their positions out. Reads only
 * each record's {@code text}, {@code target} and {@code id} and passes every other field through
 * as written ({@link RecordPipeline#ofStatements}).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {
        "Classify JSON Lines statements ({\"text\": ..., \"target\": ...}); prints each object with its"
            + " positions, one line per input record, in input order. Other fields pass through as"
            + " written; a record's own 'positions' field is replaced (with a warning).",
        "Exit codes: 0 all records done; 2 bad input (with --on-error fail, the first bad record);"
            + " 3 some records failed (with --on-error report); 1 other failures (a write error,"
            + " for example)."})
final class ClassifyCommand implements Callable<Integer> {
  /** The field classify adds to each record. */
  static final String FIELD = "positions";

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
    if (explain != null && explain < 1) {
      throw new Main.UsageException("--explain must be at least 1, was " + explain);
    }
    var options = batch.options();
    StanceClassifier m = EncoderFamily.load(model);
    if (explain != null && !(m instanceof StanceModel)) {
      throw new Main.UsageException("--explain names the words behind a lexical model's positions;"
          + " " + model + " is a sentence-encoder model, which has no such words");
    }
    Explainer explainer = explain == null ? null : new Explainer((StanceModel) m);
    LanguageCheck language = batch.languageCheck ? new LanguageCheck() : null;
    int top = explain == null ? 0 : explain;
    StatementFunction classify = (r, g) -> {
      if (language != null) {
        language.observe(r.line(), r.text());
      }
      StanceInput in = new StanceInput(r.text(), r.target());
      g.writeStartArray();
      if (explainer != null) {
        for (Explanation x : explainer.explain(in, top)) {
          g.writeStartObject();
          g.writeStringField("label", x.label());
          g.writeNumberField("score", round(x.score()));
          g.writeNumberField("baseline", round(x.baseline()));
          g.writeArrayFieldStart("explanation");
          for (Contribution c : x.contributions()) {
            g.writeStartObject();
            g.writeStringField("feature", c.feature());
            g.writeNumberField("weight", round(c.weight()));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
      } else {
        for (Position p : m.classify(in)) {
          writePosition(g, p);
        }
      }
      g.writeEndArray();
    };
    BatchSummary summary = batch.run("classify", input,
        RecordPipeline.ofStatements(options, FIELD, classify), spec);
    var err = spec.commandLine().getErr();
    if (summary.replaced() > 0) {
      err.println("demarche: warning: " + input + ": " + summary.replaced() + " of "
          + summary.records() + " records already had a '" + FIELD + "' field (first at line "
          + summary.firstReplacedLine() + "); the output replaces it with the model's");
    }
    if (language != null) {
      language.warning().ifPresent(w -> err.println("demarche: warning: " + input + ": " + w));
    }
    return batch.exitCode(input, summary, spec);
  }

  private static void writePosition(JsonGenerator g, Position p) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("label", p.label());
    g.writeNumberField("score", round(p.score()));
    g.writeEndObject();
  }

  /** Four decimals, as every command prints scores. */
  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
