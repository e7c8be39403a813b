package io.github.demarche.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.eval.Evaluation;
import io.github.demarche.eval.Evaluator;
import io.github.demarche.eval.Reports;
import io.github.demarche.explain.Explainer;
import io.github.demarche.model.StanceModel;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation page ({@code eval --report}) renders in a real browser, shows the very figures of
 * {@code eval --json} ({@link Reports#toJson}), escapes what the data says and makes no request.
 * Built from the library, as {@code eval} builds it, so the test stays with the page's code.
 */
class EvaluationPageBrowserTest {
  /** Written into every record's id to break the page if it were not escaped. */
  static final String HOSTILE = "<b>odd</b> & \"x\"";
  static final Path SHOTS = Path.of("target", "browser");

  @TempDir Path dir;

  /** Single-label data with learnable words and some noise, so there are errors to show. */
  static List<String> data() {
    String[][] words = {
      {"praise", "welcome", "applaud", "thank", "commend"},
      {"blame", "condemn", "accuse", "deplore", "denounce"},
      {"unclear", "<script>alert(1)</script>", "maybe", "perhaps", "unclear"},
    };
    String[] filler = {"the", "talks", "border", "minister", "said", "today", "ceasefire", "a"};
    Random r = new Random(7);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      int label = i % 3;
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        int from = r.nextDouble() < 0.3 ? r.nextInt(3) : label;
        text.append(r.nextBoolean() ? words[from][1 + r.nextInt(4)] : filler[r.nextInt(filler.length)])
            .append(' ');
      }
      lines.add(json.createObjectNode().put("id", "s" + i + HOSTILE).put("text", text.toString().strip())
          .put("label", words[label][0]).put("source", "doc" + (i % 25)).toString());
    }
    return lines;
  }

  @Test
  void theReportRendersWithTheFiguresOfEvalJsonAndMakesNoRequest() throws Exception {
    List<String> lines = data();
    Path train = Files.write(dir.resolve("train.jsonl"), lines.subList(0, 90));
    Path test = Files.write(dir.resolve("test.jsonl"), lines.subList(90, 150));
    StanceModel model = new Trainer(TrainingConfig.defaults()).train(Datasets.read(train.toString()));
    Evaluation result = new Evaluator(10).evaluate(model, Datasets.read(test.toString()));
    JsonNode json = Reports.toJson(result);  // what eval --json prints
    Explainer explainer = new Explainer(model);
    Path report = dir.resolve("report.html");
    PageFile.write(report, EvaluationPage.render(result, "model on " + test,
        c -> explainer.explain(new StanceInput(c.text(), c.target()), 6)), List.of(train, test));

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      String dom = browser.dumpDom(report);
      Files.createDirectories(SHOTS);
      Files.writeString(SHOTS.resolve("evaluation.dom.html"), dom);
      BufferedImage png = browser.screenshot(report, SHOTS.resolve("evaluation.png"), 1200, 2600);
      HeadlessChromium.assertRendered(png);
      HeadlessChromium.assertSelfContained(dom);
      assertEquals(List.of(), browser.pageRequests(), "requests left the page");

      // headline figures
      for (String key : List.of("n", "accuracy", "micro_precision", "micro_recall", "micro_f1",
          "macro_f1", "calibration_error")) {
        List<Map<String, String>> td = HeadlessChromium.elements(dom, "td", "data-metric=\"" + key + "\"");
        assertEquals(1, td.size(), key);
        assertEquals(json.get(key).asDouble(), Double.parseDouble(td.get(0).get("data-value")), 1e-9, key);
      }
      // per-label bars: one per label and metric, each as long as its figure
      List<Map<String, String>> bars = HeadlessChromium.elements(dom, "rect", "data-metric");
      assertEquals(3 * json.get("per_label").size(), bars.size());
      for (Map<String, String> bar : bars) {
        double expected = json.get("per_label").get(bar.get("data-label")).get(bar.get("data-metric")).asDouble();
        assertEquals(expected, Double.parseDouble(bar.get("data-value")), 1e-9, bar.toString());
        assertEquals(480 * expected, Double.parseDouble(bar.get("width")), 0.051, bar.toString());
      }
      // confusion heat map: every cell, rows and columns in eval --json's order
      List<Map<String, String>> cells = HeadlessChromium.elements(dom, "td", "data-gold");
      JsonNode confusion = json.get("confusion");
      assertEquals(confusion.size() * confusion.size(), cells.size());
      Iterator<Map<String, String>> cell = cells.iterator();
      for (Iterator<String> gold = confusion.fieldNames(); gold.hasNext(); ) {
        String g = gold.next();
        for (Iterator<String> pred = confusion.get(g).fieldNames(); pred.hasNext(); ) {
          String p = pred.next();
          Map<String, String> c = cell.next();
          assertEquals(List.of(g, p, confusion.get(g).get(p).asText()),
              List.of(c.get("data-gold"), c.get("data-predicted"), c.get("data-value")));
        }
      }
      assertTrue(dom.contains("class=\"diag\""));
      // reliability diagram: one bar per non-empty bin, with the bin's figures
      List<Map<String, String>> bins = HeadlessChromium.elements(dom, "rect", "data-bin");
      int nonEmpty = 0;
      for (JsonNode b : json.get("reliability")) {
        if (b.get("count").asInt() == 0) {
          continue;
        }
        Map<String, String> bar = bins.get(nonEmpty++);
        assertEquals(b.get("count").asText(), bar.get("data-count"));
        assertEquals(b.get("mean_score").asDouble(), Double.parseDouble(bar.get("data-mean-score")), 1e-9);
        assertEquals(b.get("positive_rate").asDouble(), Double.parseDouble(bar.get("data-positive-rate")), 1e-9);
      }
      assertEquals(nonEmpty, bins.size());
      // worst errors, explained; hostile text stays text
      long misses = Math.round(json.get("n").asInt() * (1 - json.get("accuracy").asDouble()));
      assertTrue(misses > 0);
      assertEquals(Math.min(10, misses), HeadlessChromium.elements(dom, "div", "data-loss").size());
      assertTrue(dom.contains("class=\"chip pos\"") || dom.contains("class=\"chip neg\""));
      assertTrue(dom.contains("&lt;b&gt;odd&lt;/b&gt; &amp; \"x\""), "ids shown as text");
      assertFalse(dom.contains("<b>odd</b>") || dom.contains("<script>"), "markup from the data");
    }
  }
}
