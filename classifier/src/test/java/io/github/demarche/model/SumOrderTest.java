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
  void theDefaultModelsLogitsAreColumnOrderSums() {
    // whichever path each input takes with the bundled model's weights (at the time of writing,
    // the order-free one up to 160 distinct features, so for all but one dev statement)
    assertColumnOrderSums(Demarche.defaultModel());
  }

  @Test
  void weightsOfANarrowRangeAreAddedInAnyOrderAndGiveColumnOrderSums() {
    StanceModel m = Demarche.defaultModel();
    float[] w = m.weightsView().clone();
    for (int i = 0; i < w.length; i++) {
      // multiples of 2^-20: every partial sum of a few thousand of them is exact
      w[i] = Math.round(w[i] * 0x1p20f) * 0x1p-20f;
    }
    StanceModel narrow = withWeights(m, w);
    int limit = ExactSums.orderFreeRows(w, m.biasView());
    for (StanceInput in : inputs()) {
      assertTrue(narrow.activeFeatures(in).length <= limit, "order-free up to " + limit);
    }
    assertColumnOrderSums(narrow);
  }

  @Test
  void weightsOfAWideRangeAreSummedInColumnOrder() {
    StanceModel m = Demarche.defaultModel();
    float[] w = m.weightsView().clone();
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.scalb(w[i], -random.nextInt(50));
    }
    assertEquals(0, ExactSums.orderFreeRows(w, m.biasView()));
    assertColumnOrderSums(withWeights(m, w));
  }

  private static StanceModel withWeights(StanceModel m, float[] w) {
    return new StanceModel(m.taxonomy(), m.mode(), m.featureConfig(), m.index(), w, m.biasView(),
        m.outputs(), m.calibration(), m.provenance());
  }
}
