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
   * @param reportedBy the speaker whose report gives these words ("the ministry said Raisi noted
   *     ...": Raisi's words, reported by the ministry), or null
   */
  public record SpeakerRecord(String mention, ActorRecord actor, List<String> actors,
      ReporterRecord reportedBy) {
    public SpeakerRecord {
      actors = List.copyOf(actors);
    }
  }

  /**
   * The speaker who reports another's words, as a speaker but one level only (who reported the
   * reporter is not kept), so that every output, Spark's fixed schema included, has one shape.
   * Immutable.
   *
   * @param mention the reporter as written
   * @param actor the actor it speaks for, or null
   * @param actors the ids of every actor it speaks for
   */
  public record ReporterRecord(String mention, ActorRecord actor, List<String> actors) {
    public ReporterRecord {
      actors = List.copyOf(actors);
    }
  }

  /**
   * An actor. Immutable.
   *
   * @param id ISO 3166-1 alpha-3 for states, a lower-case slug otherwise
   * @param name display name
   * @param kind {@code state}, {@code organisation}, {@code person} or {@code other}
   * @param cameo its CAMEO actor code ("IRNGOV"), or null when the dictionaries give none
   */
  public record ActorRecord(String id, String name, String kind, String cameo) {}

  /**
   * A position. Immutable.
   *
   * @param label the label
   * @param score its score, rounded to four decimals
   * @param targets the ids of the actors it is about
   * @param unresolvedTargets the parties it is aimed at that resolve to no actor, as written
   *     ("the Wagner Group")
   */
  public record PositionRecord(String label, double score, List<String> targets,
      List<String> unresolvedTargets) {
    public PositionRecord {
      targets = List.copyOf(targets);
      unresolvedTargets = List.copyOf(unresolvedTargets);
    }
  }

  /** The record of statement {@code s} of the document {@code document}. */
  public static StatementRecord of(String document, Statement s) {
    SpeakerRecord speaker = speaker(s.speaker());
    List<PositionRecord> positions = s.positions().stream().map(StatementRecord::position).toList();
    return new StatementRecord(document, s.sentence(), s.start(), s.end(), s.text(), speaker,
        positions);
  }

  private static SpeakerRecord speaker(Speaker sp) {
    if (sp == null) {
      return null;
    }
    Speaker by = sp.reportedBy();
    return new SpeakerRecord(sp.mention(), actor(sp.actor()), ids(sp),
        by == null ? null : new ReporterRecord(by.mention(), actor(by.actor()), ids(by)));
  }

  private static List<String> ids(Speaker sp) {
    return sp.actors().stream().map(Actor::id).toList();
  }

  private static ActorRecord actor(Actor a) {
    return a == null ? null
        : new ActorRecord(a.id(), a.name(), a.kind().name().toLowerCase(Locale.ROOT), a.cameo());
  }

  private static PositionRecord position(Position p) {
    return new PositionRecord(p.label(), Math.round(p.score() * 1e4) / 1e4, p.targets(),
        p.unresolvedTargets());
  }
}
