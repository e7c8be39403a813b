package io.github.demarche.testing;

import io.github.demarche.data.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Target-conditioned test data that only a model conditioned on the target can learn. Stateless
 * and thread-safe.
 */
public final class FlippingStance {
  private FlippingStance() {}

  /**
   * {@code n} statements whose label flips with the target (FAVOR of one, AGAINST the other with
   * the same words), each its own group; the same n and seed give the same statements.
   */
  public static List<Example> examples(int n, long seed) {
    Random r = new Random(seed);
    String[] good = {"a fine idea", "we welcome", "great step", "we applaud", "a wise move"};
    String[] bad = {"a terrible idea", "we deplore", "awful step", "we reject", "a foolish move"};
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = r.nextBoolean();
      String target = r.nextBoolean() ? "the treaty" : "the blockade";
      String text = "On " + target + ": " + (positive ? good : bad)[r.nextInt(5)] + " indeed.";
      boolean favour = positive == target.equals("the treaty");
      out.add(new Example("x" + i, text, List.of(favour ? "FAVOR" : "AGAINST"), target, "g" + i));
    }
    return out;
  }
}
