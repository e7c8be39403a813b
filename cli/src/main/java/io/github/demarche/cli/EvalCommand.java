package io.github.demarche.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.api.StanceClassifier;
import io.github.demarche.baseline.OpenNlpBaseline;
import io.github.demarche.data.DataWarnings;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.DocumentSentences;
import io.github.demarche.data.Example;
import io.github.demarche.data.JsonLines;
import io.github.demarche.eval.CrossValidator;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.eval.Reports;
import io.github.demarche.model.StanceModel;
import io.github.demarche.stack.StackConfig;
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

  @Option(names = "--data", paramLabel = "FILE", description = "labelled JSON Lines; repeat to join files")
  List<String> data;

  @Option(names = "--documents", paramLabel = "FILE", description = "instead of --data: whole"
      + " labelled documents (documents.jsonl: one document a line, its 'sentences' each with"
      + " 'text' and 'labels'), every sentence evaluated")
  String documents;

  @Option(names = "--unseen-by", paramLabel = "FILE", description = "with --documents: leave out"
      + " the documents whose 'source' occurs in this labelled JSON Lines file (the model's"
      + " training data), so only text from unseen sources is measured; repeat for several files")
  List<String> unseenBy;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "with --folds: one training"
      + " setting of the cross-validated models, as for train (e.g. train.lambda=0.5); with"
      + " --family encoder also a stack setting (stack.encoder, stack.lambda, stack.lexical_scale,"
      + " stack.folds, stack.lexical)")
  java.util.Map<String, String> settings;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(names = "--folds", paramLabel = "K", description = "K-fold cross-validation on the data (grouped by source) instead of a model")
  Integer folds;

  @Option(names = "--seed", paramLabel = "N", description = "seed for fold assignment with --folds (default: the default model's)")
  Long seed;

  @Option(names = "--baseline", description = "with --folds: also cross-validate an Apache OpenNLP document-categorizer baseline (maxent, unigrams+bigrams, one-vs-rest) on the same folds")
  boolean baseline;

  @Option(names = "--family", paramLabel = "FAMILY", defaultValue = "lexical", description = "with"
      + " --folds: lexical (default) or encoder, which cross-validates the sentence encoder stacked"
      + " with the lexical model and prints, on the same folds, the lexical model alone and the"
      + " encoder alone; --set stack.KEY=VALUE changes its settings. A model file given with --model"
      + " says its own family.")
  EncoderFamily.Family family;

  @Option(names = "--errors", paramLabel = "N", defaultValue = "0", description = "also list the N worst misclassified statements")
  int errors;

  @Option(names = "--report", paramLabel = "FILE.html", description = "also write one self-contained"
      + " HTML page: per-label bars, confusion heat map, reliability diagram, worst errors with"
      + " their explanations (the " + EvalReport.ERRORS + " worst unless --errors says)")
  java.nio.file.Path report;

  @Override
  public Integer call() {
    if (errors < 0) {
      throw new Main.UsageException("--errors must be >= 0, was " + errors);
    }
    if ((data == null) == (documents == null)) {
      throw new Main.UsageException("give the labelled data with --data or --documents (one of them)");
    }
    if (unseenBy != null && documents == null) {
      throw new Main.UsageException("--unseen-by needs --documents");
    }
    if (settings != null && folds == null) {
      throw new Main.UsageException("--set needs --folds (it sets the training of the"
          + " cross-validated models; a trained model keeps its own settings)");
    }
    List<String> inputs = data != null ? data : List.of(documents);
    if (report != null) {
      EvalReport.check(report, inputs);
    }
    List<Example> examples;
    if (documents != null) {
      java.util.Set<String> seen = new java.util.TreeSet<>();
      if (unseenBy != null) {
        seen.addAll(DocumentSentences.sourcesOf(Datasets.readAll(unseenBy)));
      }
      examples = DocumentSentences.read(documents, seen);
    } else {
      examples = Datasets.readAll(data);
    }
    Evaluator evaluator = new Evaluator(report == null ? errors : Math.max(errors, EvalReport.ERRORS));
    Evaluation result;
    Evaluation baselineResult = null;
    if (folds != null && spec.commandLine().getParseResult().hasMatchedOption("--model")) {
      // cross-validation trains its own models: a model given with it would be ignored, silently
      throw new Main.UsageException("--model and --folds exclude each other: --folds"
          + " cross-validates models trained on the data, --model evaluates a trained model");
    }
    if (seed != null && folds == null) {
      throw new Main.UsageException("--seed needs --folds (it seeds the fold assignment)");
    }
    StanceModel loaded = null;
    EncoderFamily.Comparison comparison = null;
    if (baseline && folds == null) {
      throw new Main.UsageException("--baseline needs --folds");
    }
    if (folds != null) {
      if (folds < 2) {
        throw new Main.UsageException("--folds must be at least 2, was " + folds);
      }
      String what = String.join("+", inputs);
      DataWarnings.labels(what, examples).forEach(w -> spec.commandLine().getErr().println("demarche: warning: " + w));
      DataWarnings.grouping(what, examples).forEach(w -> spec.commandLine().getErr().println("demarche: warning: " + w));
      java.util.Properties p = new java.util.Properties();
      if (settings != null) {
        settings.forEach(p::setProperty);
      }
      java.util.Properties stackSettings = new java.util.Properties();
      TrainingConfig config = TrainCommand.settings(p, stackSettings);
      if (seed != null) {
        config = config.withSeed(seed);
      }
      if (family == EncoderFamily.Family.encoder) {
        if (baseline) {
          throw new Main.UsageException("--baseline compares the lexical family; leave it out with --family encoder");
        }
        comparison = EncoderFamily.crossValidate(examples, config,
            StackConfig.fromProperties(stackSettings), folds, evaluator, spec.commandLine().getErr());
        result = comparison.stacked();
      } else {
        TrainCommand.refuseStackSettings(stackSettings);
        result = new CrossValidator(config, folds, evaluator).run(examples);
      }
      if (baseline) {
        Evaluation b = new CrossValidator(
            train -> OpenNlpBaseline.train(train, OpenNlpBaseline.Params.defaults()), folds,
            config.seed(), new Evaluator()).run(examples);
        baselineResult = b;
      }
    } else {
      if (family != EncoderFamily.Family.lexical) {
        throw new Main.UsageException("--family and --set are for --folds; a model file says its own family");
      }
      StanceClassifier classifier = EncoderFamily.load(model);
      // the report explains errors with the lexical model's words; the encoder family has none
      loaded = classifier instanceof StanceModel m ? m : null;
      result = evaluator.evaluate(classifier, examples);
    }
    if (report != null) {
      EvalReport.write(report, result, loaded, folds, model, inputs);
      result = result.withErrors(errors);
    }
    var out = spec.commandLine().getOut();
    if (!result.unknownLabels().isEmpty()) {
      spec.commandLine().getErr().println("demarche: warning: the data has labels the model does not know, counted as misses: " + result.unknownLabels());
    }
    if (json) {
      ObjectNode o = Reports.toJson(result);
      if (baselineResult != null) {
        o.set("baseline", Reports.toJson(baselineResult));
      }
      if (comparison != null) {
        o.set("lexical_alone", Reports.toJson(comparison.lexical()));
        o.set("encoder_alone", Reports.toJson(comparison.encoderOnly()));
      }
      out.println(o.toString());
    } else {
      out.print(Reports.toText(result));
      if (baselineResult != null) {
        out.printf(java.util.Locale.ROOT, "%nbaseline: Apache OpenNLP DocumentCategorizerME (maxent, unigrams+bigrams), same folds%n");
        out.print(Reports.toText(baselineResult));
        out.printf(java.util.Locale.ROOT, "%nDemarche - baseline: macro-F1 %+.4f, micro-F1 %+.4f%n",
            result.macroF1() - baselineResult.macroF1(), result.microF1() - baselineResult.microF1());
      }
      if (comparison != null) {
        out.printf(java.util.Locale.ROOT, "%nlexical model alone, same folds%n");
        out.print(Reports.toText(comparison.lexical()));
        out.printf(java.util.Locale.ROOT, "%nencoder alone (its vector, no lexical scores), same folds%n");
        out.print(Reports.toText(comparison.encoderOnly()));
        out.printf(java.util.Locale.ROOT, "%nstacked - lexical alone: macro-F1 %+.4f, micro-F1 %+.4f%n",
            result.macroF1() - comparison.lexical().macroF1(),
            result.microF1() - comparison.lexical().microF1());
      }
    }
    out.flush();
    return 0;
  }
}
