package io.github.demarche.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The confusion matrix has its rows and columns in one order, so its diagonal is the hits. */
class ConfusionMatrixOrderTest {
  private static final Taxonomy LABELS = Taxonomy.of("t", List.of("zeta", "alpha", "mid"));

  private static Evaluation evaluate() {
    // the first statement's gold label is the taxonomy's last: encounter order != taxonomy order
    List<Example> examples = List.of(ex("mid"), ex("mid"), ex("alpha"), ex("zeta"), ex("zeta"),
        ex("alpha"));
    List<List<String>> predicted = List.of(List.of("mid"), List.of("zeta"), List.of("alpha"),
        List.of("zeta"), List.of("alpha"), List.of("alpha"));
    return new Evaluator().score(LABELS, examples, predicted, null);
  }

  private static Example ex(String label) {
    return new Example(null, "text " + label, List.of(label), null, null);
  }

  @Test
  void rowsAndColumnsFollowTheTaxonomyAndTheDiagonalIsTheCorrectPredictions() {
    Evaluation e = evaluate();
    List<String> rows = new ArrayList<>(e.confusion().keySet());
    assertEquals(List.of("zeta", "alpha", "mid"), rows);
    int diagonal = 0;
    for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
      assertEquals(rows, new ArrayList<>(row.getValue().keySet()), "row " + row.getKey());
      diagonal += row.getValue().get(row.getKey());
    }
    assertEquals(Math.round(e.accuracy() * e.n()), diagonal);
    assertEquals(4, diagonal);
    assertEquals(1, e.confusion().get("zeta").get("alpha"));
    assertEquals(0, e.confusion().get("alpha").get("zeta"));
  }

  @Test
  void multiLabelStatementsCountOncePerGoldAndPredictedPairWithTruePositivesOnTheDiagonal() {
    List<Example> examples = List.of(
        new Example(null, "a", List.of("mid", "zeta"), null, null),
        new Example(null, "b", List.of("alpha"), null, null));
    List<List<String>> predicted = List.of(List.of("zeta", "alpha"), List.of("alpha"));
    Evaluation e = new Evaluator().score(LABELS, examples, predicted, null);
    assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(e.confusion().keySet()));
    assertEquals(1, e.confusion().get("zeta").get("zeta"));
    assertEquals(1, e.confusion().get("zeta").get("alpha"));
    assertEquals(1, e.confusion().get("mid").get("zeta"));
    assertEquals(1, e.confusion().get("mid").get("alpha"));
    assertEquals(1, e.confusion().get("alpha").get("alpha"));
    for (String label : e.confusion().keySet()) {
      LabelScores s = e.perLabel().get(label);
      assertEquals(s.truePositives(), e.confusion().get(label).get(label), label);
    }
  }

  @Test
  void theTextTableHasTheSameColumnOrderAsItsRows() {
    String text = Reports.toText(evaluate());
    List<String> lines = text.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("confusion")).findFirst()
        .orElseThrow()) + 1;
    List<String> columns = List.of(lines.get(header).trim().split("\\s+"));
    assertEquals(List.of("zeta", "alpha", "mid"), columns);
    for (int r = 0; r < 3; r++) {
      String[] cells = lines.get(header + 1 + r).trim().split("\\s+");
      assertEquals(columns.get(r), cells[0]);
    }
    // diagonal of the printed table: zeta->zeta 1, alpha->alpha 2, mid->mid 1
    assertEquals("1", lines.get(header + 1).trim().split("\\s+")[1]);
    assertEquals("2", lines.get(header + 2).trim().split("\\s+")[2]);
    assertEquals("1", lines.get(header + 3).trim().split("\\s+")[3]);
  }

  @Test
  void reliabilityBinsAddUpToEveryScoredLabelDecisionAndGiveTheCalibrationError() {
    List<Example> examples = List.of(ex("mid"), ex("alpha"), ex("zeta"));
    List<double[]> scores = List.of(new double[] {0.05, 0.15, 0.95}, new double[] {0.2, 0.75, 0.05},
        new double[] {0.55, 0.25, 0.35});
    List<List<String>> predicted = List.of(List.of("mid"), List.of("alpha"), List.of("zeta"));
    Evaluation e = new Evaluator().score(LABELS, examples, predicted, scores);
    assertEquals(10, e.reliability().size());
    assertEquals(9, e.reliability().stream().mapToInt(Evaluation.ReliabilityBin::count).sum());
    Evaluation.ReliabilityBin top = e.reliability().get(9);
    assertEquals(1, top.count());
    assertEquals(0.95, top.meanScore(), 1e-12);
    assertEquals(1.0, top.positiveRate(), 1e-12);
    double ece = 0;
    for (Evaluation.ReliabilityBin b : e.reliability()) {
      ece += b.count() / 9.0 * Math.abs(b.meanScore() - b.positiveRate());
    }
    assertEquals(ece, e.calibrationError(), 1e-12);
    assertTrue(Reports.toJson(e).get("reliability").isArray());
  }
}
