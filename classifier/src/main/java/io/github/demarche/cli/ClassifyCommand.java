package io.github.demarche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Position;
import io.github.demarche.explain.Contribution;
import io.github.demarche.explain.Explainer;
import io.github.demarche.explain.Explanation;
import io.github.demarche.model.StanceModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche classify}: JSON Lines in, the same objects with their positions out. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classify JSON Lines statements ({\"text\": ..., \"target\": ...}); prints each object with its positions.")
final class ClassifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = JsonLines.mapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "default", description = "a model file, or 'default' (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--explain", paramLabel = "N", arity = "0..1", fallbackValue = "5", description = "add to each position the N words that contributed most (default N: 5)")
  Integer explain;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-", description = "JSON Lines input, or - for standard input (default)")
  String input;

  @Override
  public Integer call() throws IOException {
    StanceModel m = Demarche.loadModel(model);
    if (explain != null && explain < 1) {
      throw new Main.UsageException("--explain must be at least 1, was " + explain);
    }
    Explainer explainer = explain == null ? null : new Explainer(m);
    PrintWriter out = spec.commandLine().getOut();
    JsonLines.forEach(input, line -> {
      ObjectNode o = line.object();
      String text = Datasets.requiredText(input, line.number(), o);
      String target = Datasets.optionalString(input, line.number(), o, "target");
      StanceInput in = new StanceInput(text, target);
      ArrayNode arr = o.putArray("positions");
      if (explainer != null) {
        for (Explanation x : explainer.explain(in, explain)) {
          ObjectNode pos = arr.addObject().put("label", x.label()).put("score", Math.round(x.score() * 1e4) / 1e4);
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
      out.println(o.toString());
    });
    out.flush();
    return 0;
  }
}
