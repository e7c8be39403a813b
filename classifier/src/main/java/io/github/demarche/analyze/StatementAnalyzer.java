package io.github.demarche.analyze;

import io.github.demarche.api.Analyzer;
import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import io.github.demarche.api.Texts;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.ActorResolver;
import io.github.demarche.extract.NewsStatementExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole pipeline: statements and speakers from a {@link NewsStatementExtractor}, positions
 * from a {@link StanceClassifier}, and for each position the actors the statement names other
 * than its speaker, with the parties it aims the position at that resolve to no actor apart
 * ({@link Position#unresolvedTargets()}). A speaker found only as the subject of a main clause
 * reporting an act ("Azerbaijan launched an offensive") is kept only when the statement takes a
 * position with a score of at least {@value #SUBJECT_MIN_SCORE}. Thread-safe when its classifier
 * and resolver are (the bundled ones are).
 */
public final class StatementAnalyzer implements Analyzer {
  private final NewsStatementExtractor extractor;
  private final StanceClassifier classifier;

  /** An analyzer from an extractor and a classifier. */
  public StatementAnalyzer(NewsStatementExtractor extractor, StanceClassifier classifier) {
    if (extractor == null || classifier == null) {
      throw new IllegalArgumentException("extractor and classifier must not be null");
    }
    this.extractor = extractor;
    this.classifier = classifier;
  }

  @Override
  public List<Statement> analyze(Document document) {
    if (document == null) {
      throw new IllegalArgumentException("document must not be null");
    }
    ActorResolver actors = extractor.actors().forDocument(document);
    // one scan of the document for the actors of all its statements
    ActorResolver.Mentions mentions = actors.mentions(document.text());
    List<NewsStatementExtractor.Attributed> statements =
        extractor.attribute(document, actors, mentions);
    String exclusive = classifier.taxonomy().exclusiveLabel().orElse(null);
    List<Statement> out = new ArrayList<>(statements.size());
    for (NewsStatementExtractor.Attributed a : statements) {
      Statement s = a.statement();
      if (Texts.isBlank(s.text())) {
        continue; // a paragraph of no-break or zero-width spaces says nothing
      }
      List<Position> positions = classifier.classify(StanceInput.of(s.text()));
      if (a.bySubject() && takesNoPosition(positions, exclusive)) {
        // a subject reported acting names a speaker only when the statement takes a position
        s = new Statement(s.text(), s.start(), s.end(), s.sentence(), null, List.of());
      }
      Targets.Parties parties = null;
      List<Position> withTargets = new ArrayList<>(positions.size());
      for (Position p : positions) {
        if (p.label().equals(exclusive)) {
          withTargets.add(p);
          continue;
        }
        if (parties == null) {
          parties = Targets.parties(s, mentions.in(s.start(), s.end()));
        }
        withTargets.add(p.withTargets(parties.actorIds(), parties.unresolved()));
      }
      out.add(s.withPositions(withTargets));
    }
    return out;
  }

  /**
   * How likely a position must be for the subject of an act to count as its speaker: more likely
   * than not. Narration ("Russian forces shelled the town") draws weak positions; a speaker found
   * by a verb of saying or stance needs none.
   */
  static final double SUBJECT_MIN_SCORE = 0.5;

  private static boolean takesNoPosition(List<Position> positions, String exclusive) {
    for (Position p : positions) {
      if (!p.label().equals(exclusive) && p.score() >= SUBJECT_MIN_SCORE) {
        return false;
      }
    }
    return true;
  }
}
