package io.github.demarche.output;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.util.List;
import java.util.Locale;

/**
 * One statement as every Demarche output writes it: {@code analyze --format jsonl}, the batch
 * example and the Spark job. The component names are the field names, documented once in
 * docs/analyze.md; {@link StatementJson} writes it as JSON, the Spark job as a row of the same
 * shape. Immutable and thread-safe.
 *
 * @param document the document's id
 * @param sentence index of the sentence the statement starts in, from 0
 * @param start offset of its first character in the document (UTF-16 units)
 * @param end offset after its last character
 * @param text the statement, exactly {@code document.substring(start, end)}
 * @param speaker who made it, or null when the text names no one
 * @param positions the positions it takes, best first
 */
public record StatementRecord(String document, int sentence, int start, int end, String text,
    SpeakerRecord speaker, List<PositionRecord> positions) {
  public StatementRecord {
    if (document == null || text == null) {
      throw new IllegalArgumentException("a statement record needs its document id and text");
    }
    positions = List.copyOf(positions);
  }

  /**
   * A speaker. Immutable.
   *
   * @param mention the speaker as written (for a pronoun, the mention it refers to)
   * @param actor the actor it speaks for (the first, when several), or null
   * @param actors the ids of every actor it speaks for ("Both leaders"), possibly none
   */
  public record SpeakerRecord(String mention, ActorRecord actor, List<String> actors) {
    public SpeakerRecord {
      actors = List.copyOf(actors);
    }
  }

  /**
   * An actor. Immutable.
   *
   * @param id ISO 3166-1 alpha-3 for states, a lower-case slug otherwise
   * @param name display name
   * @param kind {@code state}, {@code organisation}, {@code person} or {@code other}
   */
  public record ActorRecord(String id, String name, String kind) {}

  /**
   * A position. Immutable.
   *
   * @param label the label
   * @param score its score, rounded to four decimals
   * @param targets the parties it is about: actor ids where resolved, else mentions
   */
  public record PositionRecord(String label, double score, List<String> targets) {
    public PositionRecord {
      targets = List.copyOf(targets);
    }
  }

  /** The record of statement {@code s} of the document {@code document}. */
  public static StatementRecord of(String document, Statement s) {
    Speaker sp = s.speaker();
    SpeakerRecord speaker = sp == null ? null : new SpeakerRecord(sp.mention(), actor(sp.actor()),
        sp.actors().stream().map(Actor::id).toList());
    List<PositionRecord> positions = s.positions().stream().map(StatementRecord::position).toList();
    return new StatementRecord(document, s.sentence(), s.start(), s.end(), s.text(), speaker,
        positions);
  }

  private static ActorRecord actor(Actor a) {
    return a == null ? null
        : new ActorRecord(a.id(), a.name(), a.kind().name().toLowerCase(Locale.ROOT));
  }

  private static PositionRecord position(Position p) {
    return new PositionRecord(p.label(), Math.round(p.score() * 1e4) / 1e4, p.targets());
  }
}
