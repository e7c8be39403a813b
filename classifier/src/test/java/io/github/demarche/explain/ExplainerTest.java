package io.github.demarche.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.model.StanceModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private final StanceModel model = Demarche.defaultModel();

  @Test
  void explainsEachAssignedPositionByWordsOfTheStatement() {
    StanceInput in = StanceInput.of("The ministry categorically denied the reports as fabricated lies.");
    List<Explanation> explanations = new Explainer(model).explain(in, 3);
    assertEquals(model.classify(in).stream().map(p -> p.label()).toList(),
        explanations.stream().map(Explanation::label).toList());
    Explanation denial = explanations.stream().filter(e -> e.label().equals("denial")).findFirst()
        .orElseThrow(() -> new AssertionError("denial not predicted: " + explanations));
    assertEquals(3, denial.contributions().size());
    for (Contribution c : denial.contributions()) {
      assertTrue(c.feature().startsWith("(") || in.text().toLowerCase().contains(c.feature()), c.feature());
    }
    assertTrue(denial.contributions().get(0).weight() > 0, denial.toString());
  }

  @Test
  void contributionsAddUpToTheLogitOfTheLabel() {
    StanceInput in = StanceInput.of("Russia accused Ukraine of shelling the plant.");
    Explanation e = new Explainer(model).explain(in, 10_000).get(0);
    int o = model.outputs().indexOf(e.label());
    double sum = e.contributions().stream().mapToDouble(Contribution::weight).sum();
    double logit = model.logits(in)[o];
    // the bias term is the only part of the logit not carried by a feature
    assertEquals(logit, sum + biasOf(model, o), 1e-4);
  }

  private static double biasOf(StanceModel m, int o) {
    return m.logits(StanceInput.of("\u0001"))[o] - sumOfWeights(m, StanceInput.of("\u0001"), o);
  }

  private static double sumOfWeights(StanceModel m, StanceInput in, int o) {
    double s = 0;
    for (int col : m.activeFeatures(in)) {
      s += m.weight(col, o);
    }
    return s;
  }
}
