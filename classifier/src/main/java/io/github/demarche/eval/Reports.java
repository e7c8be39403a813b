package io.github.demarche.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/** Renders an {@link Evaluation} as a text table or a JSON object. Stateless and thread-safe. */
public final class Reports {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Reports() {}

  /**
   * The evaluation as JSON: {@code n}, {@code accuracy}, {@code micro_f1}, {@code macro_f1},
   * {@code micro_precision}, {@code micro_recall}, {@code per_label} (label to {@code precision},
   * {@code recall}, {@code f1}, {@code support}, {@code false_positives}, {@code
   * false_negatives}), and {@code confusion} (gold label to predicted label to count, rows and
   * columns in the same order), {@code reliability} (score bins: {@code from}, {@code to}, {@code
   * count}, {@code mean_score}, {@code positive_rate}), {@code unknown_labels}, {@code errors}
   * when present.
   */
  public static ObjectNode toJson(Evaluation e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("n", e.n());
    o.put("accuracy", round(e.accuracy()));
    o.put("micro_precision", round(e.microPrecision()));
    o.put("micro_recall", round(e.microRecall()));
    o.put("micro_f1", round(e.microF1()));
    o.put("macro_f1", round(e.macroF1()));
    if (!Double.isNaN(e.calibrationError())) {
      o.put("calibration_error", round(e.calibrationError()));
    }
    ObjectNode per = o.putObject("per_label");
    for (LabelScores s : e.perLabel().values()) {
      per.putObject(s.label())
          .put("precision", round(s.precision()))
          .put("recall", round(s.recall()))
          .put("f1", round(s.f1()))
          .put("support", s.support())
          .put("false_positives", s.falsePositives())
          .put("false_negatives", s.falseNegatives());
    }
    if (!e.confusion().isEmpty()) {
      o.set("confusion", JSON.valueToTree(e.confusion()));
    }
    if (!e.reliability().isEmpty()) {
      ArrayNode bins = o.putArray("reliability");
      for (Evaluation.ReliabilityBin b : e.reliability()) {
        bins.addObject().put("from", round(b.from())).put("to", round(b.to()))
            .put("count", b.count()).put("mean_score", round(b.meanScore()))
            .put("positive_rate", round(b.positiveRate()));
      }
    }
    if (!e.unknownLabels().isEmpty()) {
      o.set("unknown_labels", JSON.valueToTree(e.unknownLabels()));
    }
    if (!e.errors().isEmpty()) {
      ArrayNode errs = o.putArray("errors");
      for (Evaluation.ErrorCase c : e.errors()) {
        ObjectNode x = errs.addObject();
        x.put("id", c.id());
        x.put("text", c.text());
        if (c.target() != null) {
          x.put("target", c.target());
        }
        x.set("gold", JSON.valueToTree(c.gold()));
        x.set("predicted", JSON.valueToTree(c.predicted()));
        x.put("loss", round(c.loss()));
      }
    }
    return o;
  }

  /** The evaluation as a table for people. */
  public static String toText(Evaluation e) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "n          %d%n", e.n()));
    sb.append(String.format(Locale.ROOT, "accuracy   %.4f  (exact label-set match)%n", e.accuracy()));
    sb.append(String.format(Locale.ROOT, "micro-F1   %.4f  (P %.4f, R %.4f)%n", e.microF1(), e.microPrecision(), e.microRecall()));
    sb.append(String.format(Locale.ROOT, "macro-F1   %.4f%n", e.macroF1()));
    if (!Double.isNaN(e.calibrationError())) {
      sb.append(String.format(Locale.ROOT, "ECE        %.4f  (expected calibration error of label scores)%n", e.calibrationError()));
    }
    sb.append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %8s %6s %6s%n", "label", "precision", "recall", "f1", "support", "FP", "FN"));
    for (LabelScores s : e.perLabel().values()) {
      sb.append(String.format(Locale.ROOT, "%-24s %9.4f %9.4f %9.4f %8d %6d %6d%n", s.label(), s.precision(),
          s.recall(), s.f1(), s.support(), s.falsePositives(), s.falseNegatives()));
    }
    if (!e.confusion().isEmpty()) {
      sb.append(String.format("%nconfusion (rows: gold, columns: predicted, same order; the"
          + " diagonal is the correct predictions; a statement with several labels counts once"
          + " per gold/predicted pair)%n"));
      java.util.Set<String> cols = e.confusion().keySet();
      sb.append(String.format("%-16s", ""));
      cols.forEach(c -> sb.append(String.format(" %10.10s", c)));
      sb.append(System.lineSeparator());
      for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
        sb.append(String.format("%-16.16s", row.getKey()));
        for (String c : cols) {
          sb.append(String.format(" %10d", row.getValue().getOrDefault(c, 0)));
        }
        sb.append(System.lineSeparator());
      }
    }
    if (!e.errors().isEmpty()) {
      sb.append(String.format("%nworst errors%n"));
      for (Evaluation.ErrorCase c : e.errors()) {
        sb.append(String.format(Locale.ROOT, "- [%s] gold %s, predicted %s (loss %.3f)%n    %s%n",
            c.id() == null ? "-" : c.id(), c.gold(), c.predicted(), c.loss(), c.text()));
      }
    }
    return sb.toString();
  }

  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
