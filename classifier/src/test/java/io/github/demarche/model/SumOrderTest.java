package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scoring path adds a statement's weights in the order its features come in only when {@link
 * ExactSums} shows that no order changes a bit; these tests pin that the logits are the
 * column-order sums both for a model where that holds and for one where it does not.
 */
class SumOrderTest {
  private static List<StanceInput> inputs() {
    List<StanceInput> out = new ArrayList<>();
    for (Example e : Corpus.devExamples()) {
      out.add(new StanceInput(e.text(), e.target()));
    }
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      longText.append(out.get(i).text()).append(' ');
    }
    out.add(StanceInput.of(longText.toString()));
    return out;
  }

  /** The logits as defined: the bias, then the weights of the distinct columns in column order. */
  private static double[] columnOrderLogits(StanceModel m, StanceInput in) {
    int k = m.outputs().size();
    double[] z = new double[k];
    for (int o = 0; o < k; o++) {
      z[o] = m.biasView()[o];
    }
    for (int col : m.activeFeatures(in)) {
      for (int o = 0; o < k; o++) {
        z[o] += m.weightsView()[col * k + o];
      }
    }
    return z;
  }

  private static void assertColumnOrderSums(StanceModel m) {
    for (StanceInput in : inputs()) {
      assertArrayEquals(columnOrderLogits(m, in), m.logits(in), in::text);
    }
  }

  @Test
  void theDefaultModelAddsMostStatementsInAnyOrderAndItsLogitsAreColumnOrderSums() {
    StanceModel m = Demarche.defaultModel();
    int limit = ExactSums.orderFreeRows(m.weightsView(), m.biasView());
    List<StanceInput> inputs = inputs();
    int within = 0;
    for (StanceInput in : inputs) {
      within += m.activeFeatures(in).length <= limit ? 1 : 0;
    }
    // the long text (and the odd long statement) takes the column-order path
    assertTrue(within >= inputs.size() * 9 / 10 && within < inputs.size(),
        within + " of " + inputs.size() + " inputs within " + limit + " rows");
    assertColumnOrderSums(m);
  }

  @Test
  void weightsOfAWideRangeAreSummedInColumnOrder() {
    StanceModel m = Demarche.defaultModel();
    float[] w = m.weightsView().clone();
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.scalb(w[i], -random.nextInt(50));
    }
    StanceModel wide = new StanceModel(m.taxonomy(), m.mode(), m.featureConfig(), m.index(), w,
        m.biasView(), m.outputs(), m.calibration(), m.provenance());
    assertEquals(0, ExactSums.orderFreeRows(w, m.biasView()));
    assertColumnOrderSums(wide);
  }
}
