package io.github.demarche.report;

import static io.github.demarche.report.Html.esc;
import static io.github.demarche.report.Html.exact;
import static io.github.demarche.report.Html.fmt;

import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.LabelScores;
import io.github.demarche.explain.Contribution;
import io.github.demarche.explain.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An evaluation as one self-contained HTML page: the headline figures, per-label
 * precision/recall/F1 bars, the confusion heat map, the reliability diagram
 * of the calibrated scores and the worst errors with the words behind each prediction. Every
 * figure also sits in a {@code data-value} attribute with the value {@code eval --json} prints, so
 * the page can be checked against it. Stateless and thread-safe.
 */
public final class EvaluationPage {
  private static final String PRECISION = "#0072B2";
  private static final String RECALL = "#E69F00";
  private static final String F1 = "#009E73";

  private EvaluationPage() {}

  /**
   * The page.
   *
   * @param e the evaluation
   * @param title what was evaluated on what, e.g. "default model on test.jsonl"
   * @param explain the explanations of one error's predicted labels (empty when there is no
   *     single model to ask, as in cross-validation)
   * @return the whole page, from {@code <!DOCTYPE html>} on
   */
  public static String render(Evaluation e, String title,
      Function<Evaluation.ErrorCase, List<Explanation>> explain) {
    List<String> labels = new ArrayList<>(e.perLabel().keySet());
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(esc(title)).append("</h1>\n");
    b.append("<p class=\"muted\">Demarche evaluation of ").append(e.n())
        .append(" statements. Figures are those of <code>demarche eval --json</code>.</p>\n");
    headline(b, e);
    bars(b, e, labels);
    confusion(b, e);
    reliability(b, e);
    errors(b, e, labels, explain);
    return Html.page("Evaluation: " + title, b.toString());
  }

  private static void headline(StringBuilder b, Evaluation e) {
    b.append("<h2>Summary</h2>\n<table class=\"figs\" id=\"summary\">\n");
    row(b, "statements", "n", e.n(), Integer.toString(e.n()));
    row(b, "exact-match accuracy", "accuracy", e.accuracy(), fmt(e.accuracy()));
    row(b, "micro precision", "micro_precision", e.microPrecision(), fmt(e.microPrecision()));
    row(b, "micro recall", "micro_recall", e.microRecall(), fmt(e.microRecall()));
    row(b, "micro-F1", "micro_f1", e.microF1(), fmt(e.microF1()));
    row(b, "macro-F1", "macro_f1", e.macroF1(), fmt(e.macroF1()));
    if (!Double.isNaN(e.calibrationError())) {
      row(b, "expected calibration error", "calibration_error", e.calibrationError(),
          fmt(e.calibrationError()));
    }
    b.append("</table>\n");
  }

  private static void row(StringBuilder b, String name, String key, double value, String shown) {
    b.append("<tr><th class=\"l\">").append(esc(name)).append("</th><td data-metric=\"")
        .append(key).append("\" data-value=\"").append(exact(value)).append("\">").append(shown)
        .append("</td></tr>\n");
  }

  /** Three bars per label (precision, recall, F1) on a shared 0-1 axis, with support. */
  private static void bars(StringBuilder b, Evaluation e, List<String> labels) {
    int left = 190;
    int scale = 480;
    int rowHeight = 34;
    int top = 26;
    int height = top + rowHeight * labels.size() + 6;
    b.append("<h2>Per label</h2>\n<p class=\"muted\"><span class=\"swatch\" style=\"background:")
        .append(PRECISION).append("\"></span>precision <span class=\"swatch\" style=\"background:")
        .append(RECALL).append("\"></span>recall <span class=\"swatch\" style=\"background:")
        .append(F1).append("\"></span>F1; n = gold statements with the label</p>\n");
    b.append(String.format(Locale.ROOT, "<svg id=\"per-label\""
        + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"precision, recall and F1 per"
        + " label\" font-size=\"12\">\n", left + scale + 130, height));
    for (int t = 0; t <= 4; t++) {
      double x = left + scale * t / 4.0;
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"#ddd\"/><text x=\"%.1f\" y=\"14\" text-anchor=\"middle\" fill=\"#666\">"
          + "%s</text>\n", x, top - 6, x, height, x, fmt(t / 4.0).substring(0, 4)));
    }
    int y = top;
    for (String label : labels) {
      LabelScores s = e.perLabel().get(label);
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
          left - 8, y + 19, esc(label)));
      bar(b, label, "precision", s.precision(), PRECISION, left, scale, y + 3);
      bar(b, label, "recall", s.recall(), RECALL, left, scale, y + 12);
      bar(b, label, "f1", s.f1(), F1, left, scale, y + 21);
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#444\" data-label=\"%s\""
          + " data-metric=\"support\" data-value=\"%d\">F1 %s, n %d</text>\n", left + scale + 6,
          y + 19, esc(label), s.support(), fmt(s.f1()), s.support()));
      y += rowHeight;
    }
    b.append("</svg>\n");
  }

  private static void bar(StringBuilder b, String label, String metric, double v, String colour,
      int left, int scale, int y) {
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\""
        + " fill=\"%s\" data-label=\"%s\" data-metric=\"%s\" data-value=\"%s\"><title>%s %s %s"
        + "</title></rect>\n", left, y, scale * v, colour, esc(label), metric, exact(v), esc(label),
        metric, fmt(v)));
  }

  /** Rows gold, columns predicted, both in the evaluation's order; shade = share of the row. */
  private static void confusion(StringBuilder b, Evaluation e) {
    b.append("<h2>Confusion</h2>\n");
    if (e.confusion().isEmpty()) {
      b.append("<p class=\"muted\">No statements, no confusion matrix.</p>\n");
      return;
    }
    List<String> order = new ArrayList<>(e.confusion().keySet());
    b.append("<p class=\"muted\">Rows: gold label; columns: predicted label, in the same order."
        + " The outlined diagonal is the correct predictions; the shade is the share of the"
        + " row. A statement with several gold or predicted labels counts once per pair.</p>\n<table class=\"heat\" id=\"confusion\">\n<tr><th class=\"l\">gold \\"
        + " predicted</th>");
    order.forEach(c -> b.append("<th class=\"col\">").append(esc(c)).append("</th>"));
    b.append("<th>total</th></tr>\n");
    for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
      int total = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
      b.append("<tr><th class=\"l\">").append(esc(row.getKey())).append("</th>");
      for (String c : order) {
        int n = row.getValue().getOrDefault(c, 0);
        double share = total == 0 ? 0 : (double) n / total;
        b.append(String.format(Locale.ROOT, "<td%s style=\"background:rgba(0,114,178,%.3f);"
                + "color:%s\" data-gold=\"%s\" data-predicted=\"%s\" data-value=\"%d\">%s</td>",
            c.equals(row.getKey()) ? " class=\"diag\"" : "", share * 0.9,
            share > 0.5 ? "#fff" : "#222", esc(row.getKey()), esc(c), n, n == 0 ? "" : n));
      }
      b.append("<td>").append(total).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  /** Share of true labels against mean score, per score bin; the diagonal is perfect calibration. */
  private static void reliability(StringBuilder b, Evaluation e) {
    b.append("<h2>Reliability of the scores</h2>\n");
    if (e.reliability().isEmpty()) {
      b.append("<p class=\"muted\">No scores were given, so there is no reliability"
          + " diagram.</p>\n");
      return;
    }
    int size = 320;
    int m = 60;
    b.append("<p class=\"muted\">Every label score (but the exclusive label's) in ten bins: the"
        + " bar is the share of them whose label was right, the dot sits at the bin's mean score."
        + " Calibrated scores lie on the dashed diagonal. Expected calibration error ")
        .append(fmt(e.calibrationError())).append(".</p>\n");
    b.append(String.format(Locale.ROOT, "<svg id=\"reliability\""
        + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"reliability diagram\""
        + " font-size=\"12\">\n", size + m + 20, size + m + 20));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\""
        + " fill=\"none\" stroke=\"#999\"/>\n", m, size, size));
    for (int t = 0; t <= 4; t++) {
      double v = t / 4.0;
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
          + " fill=\"#666\">%s</text><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">"
          + "%s</text>\n", m + v * size, size + 26, fmt(v).substring(0, 4), m - 6,
          10 + size - v * size + 4, fmt(v).substring(0, 4)));
    }
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"10\""
        + " stroke=\"#888\" stroke-dasharray=\"5,4\"/>\n", m, 10 + size, m + size));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">mean"
        + " score</text><text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12"
        + " %d)\">share right</text>\n", m + size / 2, size + 44, 10 + size / 2, 10 + size / 2));
    int total = e.reliability().stream().mapToInt(Evaluation.ReliabilityBin::count).sum();
    int i = 0;
    for (Evaluation.ReliabilityBin bin : e.reliability()) {
      if (bin.count() > 0) {
        double x = m + bin.from() * size + 2;
        double w = (bin.to() - bin.from()) * size - 4;
        double h = bin.positiveRate() * size;
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\" fill=\"#56B4E9\" fill-opacity=\"0.55\" data-bin=\"%d\""
                + " data-count=\"%d\" data-mean-score=\"%s\" data-positive-rate=\"%s\"><title>"
                + "scores %s-%s: %d label decisions, mean score %s, %s right</title></rect>\n",
            x, 10 + size - h, w, h, i, bin.count(), exact(bin.meanScore()),
            exact(bin.positiveRate()), fmt(bin.from()), fmt(bin.to()), bin.count(),
            fmt(bin.meanScore()), fmt(bin.positiveRate())));
        double r = 2.5 + 5.5 * Math.sqrt((double) bin.count() / Math.max(1, total));
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\""
            + " fill=\"#0072B2\"/>\n", m + bin.meanScore() * size, 10 + size - h, r));
      }
      i++;
    }
    b.append("</svg>\n");
  }

  private static void errors(StringBuilder b, Evaluation e, List<String> labels,
      Function<Evaluation.ErrorCase, List<Explanation>> explain) {
    b.append("<h2>Worst errors</h2>\n");
    if (e.errors().isEmpty()) {
      b.append("<p class=\"muted\">No misclassified statements were kept.</p>\n");
      return;
    }
    b.append("<p class=\"muted\">The misclassified statements whose scores were furthest from"
        + " the gold labels, worst first, with the words that pushed each predicted label up"
        + " (green) or down (red).</p>\n<div id=\"errors\">\n");
    for (Evaluation.ErrorCase c : e.errors()) {
      b.append("<div class=\"err\" data-loss=\"").append(exact(c.loss())).append("\">\n<div>");
      if (c.id() != null) {
        b.append("<span class=\"muted\">").append(esc(c.id())).append("</span> ");
      }
      b.append(esc(c.text()));
      if (c.target() != null) {
        b.append(" <span class=\"muted\">(target: ").append(esc(c.target())).append(")</span>");
      }
      b.append("</div>\n<div>gold ");
      c.gold().forEach(l -> chip(b, labels, l));
      b.append(" predicted ");
      c.predicted().forEach(l -> chip(b, labels, l));
      b.append(String.format(Locale.ROOT, " <span class=\"muted\">loss %s</span></div>\n",
          fmt(c.loss())));
      for (Explanation x : explain.apply(c)) {
        b.append("<div class=\"muted\">").append(esc(x.label())).append(' ').append(fmt(x.score()))
            .append(": ");
        if (x.contributions().isEmpty()) {
          b.append("no words of its own: it is given when no other label passes its threshold");
        }
        for (Contribution w : x.contributions()) {
          b.append(String.format(Locale.ROOT, "<span class=\"chip %s\">%s %+.2f</span>",
              w.weight() >= 0 ? "pos" : "neg", esc(w.feature()), w.weight()));
        }
        b.append("</div>\n");
      }
      b.append("</div>\n");
    }
    b.append("</div>\n");
  }

  private static void chip(StringBuilder b, List<String> labels, String label) {
    b.append("<span class=\"chip\" style=\"background:")
        .append(Html.tint(Html.colour(labels.indexOf(label)), 0.45)).append("\">")
        .append(esc(label)).append("</span>");
  }
}
