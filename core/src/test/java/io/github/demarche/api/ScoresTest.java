package io.github.demarche.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.demarche.domain.Position;
import io.github.demarche.taxonomy.Labels;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresTest {

  /** A classifier whose scores are fixed, in taxonomy order, to check what the API derives. */
  private static final class Fixed implements StanceClassifier {
    private final Taxonomy taxonomy = Taxonomy.of("three", List.of("b", "a", Labels.NONE));
    private final double[] values = {0.2, 0.7, 0.1};
    private final List<StanceInput> seen = new ArrayList<>();

    @Override
    public Taxonomy taxonomy() {
      return taxonomy;
    }

    @Override
    public List<Position> classify(StanceInput input) {
      return List.of(new Position("a", 0.7));
    }

    @Override
    public double[] scoreArray(StanceInput input) {
      seen.add(input);
      return values.clone();
    }
  }

  @Test
  void scoresPairEachLabelWithItsScoreInTaxonomyOrder() {
    Fixed c = new Fixed();
    Scores s = c.scores(new StanceInput("Some text.", "a target"));
    assertEquals(List.of("b", "a", "none"), s.labels());
    assertEquals(0.7, s.get("a"));
    assertEquals(0.2, s.get("b"));
    assertEquals(new Scores.Entry("a", 0.7), s.best());
    List<String> iterated = new ArrayList<>();
    s.forEach(e -> iterated.add(e.label() + "=" + e.score()));
    assertEquals(List.of("b=0.2", "a=0.7", "none=0.1"), iterated);
    assertEquals(List.of("b", "a", "none"), List.copyOf(s.asMap().keySet()));
    assertArrayEquals(new double[] {0.2, 0.7, 0.1}, s.toArray());
    assertEquals("a target", c.seen.get(0).target());
  }

  @Test
  void aPlainStringIsScoredAsAnInputWithoutTarget() {
    Fixed c = new Fixed();
    assertEquals(c.scores(StanceInput.of("Some text.")), c.scores("Some text."));
    assertEquals(StanceInput.of("Some text."), c.seen.get(1));
  }

  @Test
  void scoresAreImmutableAndRefuseUnknownLabels() {
    double[] values = {0.4, 0.6};
    Scores s = new Scores(List.of("x", "y"), values);
    values[0] = 1.0;
    s.toArray()[1] = 0.0;
    assertEquals(0.4, s.get("x"));
    assertEquals(0.6, s.get("y"));
    Map<String, Double> map = s.asMap();
    assertThrows(UnsupportedOperationException.class, () -> map.put("x", 0.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("z"));
    assertEquals("'z' is not a label; labels are [x, y]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Scores(List.of("x"), values));
    assertThrows(IllegalArgumentException.class,
        () -> new Scores(List.of("x", "x"), new double[] {0.1, 0.2}));
    assertThrows(IllegalArgumentException.class,
        () -> new Scores(List.of("x"), new double[] {Double.NaN}));
  }

  @Test
  void bestTakesTheFirstOfTiedLabels() {
    Scores s = new Scores(List.of("x", "y", "z"), new double[] {0.3, 0.5, 0.5});
    assertEquals("y", s.best().label());
  }
}
