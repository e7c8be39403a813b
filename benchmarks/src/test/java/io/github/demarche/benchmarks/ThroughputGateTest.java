package io.github.demarche.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.domain.Position;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputGateTest {

  @Test
  void medianTakesTheMiddleValueOrTheMeanOfTheMiddleTwo() {
    assertEquals(3.0, ThroughputGate.median(new double[] {5, 1, 3}));
    assertEquals(2.5, ThroughputGate.median(new double[] {4, 1, 3, 2}));
    assertThrows(IllegalArgumentException.class, () -> ThroughputGate.median(new double[0]));
  }

  @Test
  void settingsHaveDefaultsAndRejectBadValuesByName() {
    ThroughputGate.Settings d = ThroughputGate.Settings.parse(new String[0]);
    assertEquals(1.2, d.minRatio());
    ThroughputGate.Settings s =
        ThroughputGate.Settings.parse(new String[] {"--min-ratio", "1.5", "--rounds", "3"});
    assertEquals(1.5, s.minRatio());
    assertEquals(3, s.rounds());
    var bad = assertThrows(IllegalArgumentException.class,
        () -> ThroughputGate.Settings.parse(new String[] {"--rounds", "many"}));
    assertTrue(bad.getMessage().contains("--rounds"), bad.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> ThroughputGate.Settings.parse(new String[] {"--fast", "1"}));
    assertTrue(unknown.getMessage().contains("--fast"), unknown.getMessage());
    var missing = assertThrows(IllegalArgumentException.class,
        () -> ThroughputGate.Settings.parse(new String[] {"--min-ratio"}));
    assertTrue(missing.getMessage().contains("needs a value"), missing.getMessage());
  }

  @Test
  void theWholeProcessCheckNeedsBothTheBaselineRatioAndItsShareOfTheInProcessRate() {
    ThroughputGate.Settings s = ThroughputGate.Settings.parse(new String[] {
        "--end-to-end-records", "100000", "--end-to-end-cpu", "2.0,1.0,4.0"});
    assertTrue(s.endToEnd());
    assertEquals(0.12, s.minEndToEndShare());
    // median 2.0 s: 50,000 statements per CPU-second
    assertTrue(ThroughputGate.endToEnd(s, 100_000, 5_000));
    assertTrue(!ThroughputGate.endToEnd(s, 500_000, 5_000), "a tenth of the in-process rate is too little");
    assertTrue(!ThroughputGate.endToEnd(s, 100_000, 45_000), "barely faster than the baseline is too little");
    assertThrows(IllegalArgumentException.class,
        () -> ThroughputGate.Settings.parse(new String[] {"--end-to-end-records", "10"}));
    assertThrows(IllegalArgumentException.class, () -> ThroughputGate.Settings.parse(
        new String[] {"--end-to-end-records", "10", "--end-to-end-cpu", "0"}));
  }

  @Test
  void theStatementFileIsTheSameBytesForTheSameCount() throws java.io.IOException {
    java.io.StringWriter a = new java.io.StringWriter();
    java.io.StringWriter b = new java.io.StringWriter();
    StatementFile.write(50, a);
    StatementFile.write(50, b);
    assertEquals(a.toString(), b.toString());
    String[] lines = a.toString().split("\n");
    assertEquals(50, lines.length);
    assertTrue(lines[7].startsWith("{\"id\":\"s-0000007\",\"text\":\""), lines[7]);
  }

  /** A classifier that answers "none" for every statement, and counts its calls. */
  private static final class Constant implements StanceClassifier {
    int calls;

    @Override
    public Taxonomy taxonomy() {
      return Taxonomy.diplomatic();
    }

    @Override
    public List<Position> classify(StanceInput input) {
      calls++;
      return List.of(new Position("none", 1.0));
    }

    @Override
    public double[] scoreArray(StanceInput input) {
      return new double[taxonomy().size()];
    }
  }

  @Test
  void measuringClassifiesWholePassesForAboutTheGivenTime() {
    Constant c = new Constant();
    StanceInput[] statements = {StanceInput.of("a"), StanceInput.of("b"), StanceInput.of("c")};
    ThroughputGate.Round r = ThroughputGate.measure(c, statements, 20);
    assertEquals(c.calls, r.statements());
    assertEquals(0, r.statements() % 3);
    assertTrue(r.cpuNanos() >= 20_000_000L, "measured " + r.cpuNanos() + " ns");
    assertEquals(r.statements(), r.positions());
  }
}
