package io.github.demarche.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.NewsStatementExtractor;
import io.github.demarche.extract.TestActors;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementAnalyzerTest {
  /** A classifier that calls every statement an accusation, to pin how targets are attached. */
  private static final StanceClassifier ACCUSES = new StanceClassifier() {
    @Override
    public Taxonomy taxonomy() {
      return Taxonomy.diplomatic();
    }

    @Override
    public List<Position> classify(StanceInput input) {
      return input.text().contains("weather")
          ? List.of(new Position(Taxonomy.NONE, 0.9))
          : List.of(new Position("accusation", 0.8));
    }

    @Override
    public double[] scoreArray(StanceInput input) {
      return new double[taxonomy().size()];
    }
  };

  private static List<Statement> analyze(StanceClassifier classifier, String text) {
    return new StatementAnalyzer(new NewsStatementExtractor(new TestActors()), classifier)
        .analyze(Document.of(text));
  }

  @Test
  void targetsAreTheNamedActorsOtherThanTheSpeakers() {
    List<Statement> out = analyze(ACCUSES,
        "Azerbaijan accused Armenia and Russia of violating the ceasefire near Baku.");
    Position p = out.get(0).positions().get(0);
    assertEquals("accusation", p.label());
    assertEquals(List.of("ARM", "RUS"), p.targets(), "the speaker's own actor is no target");
  }

  @Test
  void partiesAccusedThatNameNoActorAreUnresolvedTargetsAsWritten() {
    Position p = analyze(ACCUSES, "Ukraine accused the Wagner Group of shelling the town and"
        + " condemned attacks by Russian forces and by Houthi militants on Monday.").get(0)
        .positions().get(0);
    assertEquals(List.of("RUS"), p.targets(), "Russian forces resolve to Russia");
    assertEquals(List.of("the Wagner Group", "Houthi militants"), p.unresolvedTargets());
    Position none = analyze(ACCUSES, "Azerbaijan accused Armenia on Monday.").get(0)
        .positions().get(0);
    assertEquals(List.of(), none.unresolvedTargets(), "days and resolved parties are not listed");
  }

  @Test
  void theExclusiveLabelHasNoTargets() {
    List<Statement> out = analyze(ACCUSES, "The weather in Yerevan and Baku was mild.");
    assertEquals(List.of(), out.get(0).positions().get(0).targets());
  }

  @Test
  void defaultModelClassifiesEveryStatement() {
    List<Statement> out = analyze(Demarche.defaultModel(), "Russia strongly condemns the attack"
        + " on the embassy and calls on Ukraine to stop the shelling.\n\nThe weather was mild.");
    assertEquals(2, out.size());
    for (Statement s : out) {
      assertFalse(s.positions().isEmpty(), "unclassified: " + s.text());
      for (Position p : s.positions()) {
        assertTrue(p.score() >= 0 && p.score() <= 1);
      }
    }
  }

  @Test
  void aSubjectReportedActingSpeaksOnlyWhenTheStatementTakesAPosition() {
    // the stub calls statements with "weather" none and everything else an accusation
    List<Statement> out = analyze(ACCUSES, "Azerbaijan closed the road in bad weather.\n\n"
        + "Armenia closed the road to protest the shelling.\n\n"
        + "Azerbaijan said the weather was bad.");
    assertEquals(null, out.get(0).speaker(), "an act that takes no position has no speaker");
    assertEquals("Armenia", out.get(1).speaker().mention());
    assertEquals("Azerbaijan", out.get(2).speaker().mention(), "reported speech always speaks");
  }
}
