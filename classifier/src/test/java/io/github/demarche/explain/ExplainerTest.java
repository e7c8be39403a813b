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
  void baselineContributionsAndLeftOutFunctionWordsAddUpToTheLogit() {
    StanceInput in = StanceInput.of("Russia accused Ukraine of shelling the plant.");
    Explanation e = new Explainer(model).explain(in, 10_000).get(0);
    int o = model.outputs().indexOf(e.label());
    double sum = e.contributions().stream().mapToDouble(Contribution::weight).sum();
    assertEquals(model.logits(in)[o], e.baseline() + sum + e.functionWords(), 1e-4);
    // the baseline is what a statement with no words gets
    assertEquals(model.logits(StanceInput.of("\u0000"))[o], e.baseline(), 1e-6);
  }

  @Test
  void leavesOutTheBaselineAndFunctionWordsButKeepsNegationsAndModals() {
    StanceInput in = StanceInput.of(
        "The ministry said that it would not accept the claims of the other side and that the"
            + " troops must stay on the border.");
    List<Explanation> explanations = new Explainer(model).explain(in, 10_000);
    assertTrue(!explanations.isEmpty());
    for (Explanation e : explanations) {
      List<String> names = e.contributions().stream().map(Contribution::feature).toList();
      for (String name : names) {
        assertTrue(!name.equals("(bias)") && !name.equals("(target)"), name);
        boolean functionOnly = !name.startsWith("(") && java.util.Arrays.stream(name.split(" "))
            .allMatch(FunctionWords::contains);
        assertTrue(!functionOnly, "function words only: '" + name + "' in " + names);
      }
      if (!e.contributions().isEmpty()) {
        assertTrue(names.stream().anyMatch(n -> n.equals("not") || n.contains("not ")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.equals("must") || n.contains("must ")), names.toString());
      }
    }
  }
}
