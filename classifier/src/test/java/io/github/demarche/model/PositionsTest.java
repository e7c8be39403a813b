package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.demarche.domain.Position;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How multi-label scores become positions, with and without an output for the exclusive label. */
class PositionsTest {
  private static final Taxonomy TAXONOMY =
      Taxonomy.of("t", List.of("accusation", "concern", "none"));
  private static final double[] THRESHOLDS = {0.4, 0.4, 0.4};

  private static List<String> labels(int[] outputs, double... scores) {
    return Positions.passing(TAXONOMY, outputs, THRESHOLDS, scores).stream()
        .map(Position::label).toList();
  }

  @Test
  void withoutItsOwnOutputTheExclusiveLabelIsWhatNothingElseClaims() {
    int[] outputs = {0, 1};
    assertEquals(List.of("accusation"), labels(outputs, 0.7, 0.1, 0.3));
    assertEquals(List.of("none"), labels(outputs, 0.2, 0.1, 0.8));
  }

  @Test
  void anExclusiveOutputThatPassesAndBeatsTheOthersIsAssignedAlone() {
    int[] outputs = {0, 1, 2};
    // narration with a loaded word: accusation passes, but none passes higher
    assertEquals(List.of("none"), labels(outputs, 0.5, 0.1, 0.8));
    // a clear accusation: none passes too, but lower, so the positions stand
    assertEquals(List.of("accusation", "concern"), labels(outputs, 0.9, 0.5, 0.45));
    // nothing passes, none included: still none
    assertEquals(List.of("none"), labels(outputs, 0.2, 0.1, 0.1));
  }
}
