package io.github.demarche.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a statement: the mention as written in the text, and the actor or actors it resolves
 * to when they could be found. A mention may name several speakers ("Both leaders", "Qatar, Egypt
 * and the United States"); then {@code actors} holds each, and {@code actor} is the first.
 * Immutable and thread-safe.
 *
 * @param mention the speaker as written, e.g. "Iranian Foreign Ministry spokesman Nasser Kanaani"
 * @param actor the state or organisation the speaker speaks for (the first when there are
 *     several), or null when unresolved
 * @param actors every actor the speaker speaks for, in order, without duplicates; empty when
 *     unresolved, and starting with {@code actor} otherwise
 * @param reportedBy the speaker whose report gives these words ("the statement said Raisi noted
 *     that ...": Raisi speaks, reported by the statement's issuer), or null when the text reports
 *     them directly
 */
public record Speaker(String mention, Actor actor, List<Actor> actors, Speaker reportedBy) {
  public Speaker {
    Checks.notBlank(mention, "speaker mention");
    Checks.notNull(actors, "speaker actors");
    for (Actor a : actors) {
      if (a == null) { // List.contains(null) throws on immutable lists
        throw new IllegalArgumentException("speaker actors must not contain null");
      }
    }
    actors = List.copyOf(actors);
    if (actors.isEmpty() ? actor != null : !actors.get(0).equals(actor)) {
      throw new IllegalArgumentException("speaker actor " + (actor == null ? null : actor.id())
          + " must be the first of the speaker actors " + ids(actors));
    }
    if (actors.size() > 1 && Set.copyOf(actors).size() != actors.size()) {
      throw new IllegalArgumentException("speaker actors " + ids(actors) + " repeat an actor");
    }
  }

  /** A speaker reported directly, who speaks for {@code actors} ({@code actor} first). */
  public Speaker(String mention, Actor actor, List<Actor> actors) {
    this(mention, actor, actors, null);
  }

  /** A speaker who speaks for one actor, or for none when {@code actor} is null. */
  public Speaker(String mention, Actor actor) {
    this(mention, actor, actor == null ? List.of() : List.of(actor));
  }

  /** This speaker, reported by {@code reporter} (null: reported directly). */
  public Speaker withReporter(Speaker reporter) {
    return new Speaker(mention, actor, actors, reporter);
  }

  /** Who reported this speaker's words, if they come inside another actor's report. */
  public Optional<Speaker> reportedByIfAny() {
    return Optional.ofNullable(reportedBy);
  }

  /** A speaker who speaks for several actors ("Both leaders"), the first of them first. */
  public static Speaker of(String mention, List<Actor> actors) {
    Checks.notNull(actors, "speaker actors");
    return new Speaker(mention, actors.isEmpty() ? null : actors.get(0), actors);
  }

  /** A speaker whose actor is not known. */
  public static Speaker unresolved(String mention) {
    return new Speaker(mention, null);
  }

  /** The resolved actor, if any (the first, when there are several). */
  public Optional<Actor> actorIfAny() {
    return Optional.ofNullable(actor);
  }

  /**
   * The resolved actor, if any.
   *
   * @deprecated use {@link #actorIfAny()}, named like the other optional getters
   */
  @Deprecated(since = "0.1.0")
  public Optional<Actor> resolvedActor() {
    return actorIfAny();
  }

  private static List<String> ids(List<Actor> actors) {
    List<String> out = new ArrayList<>(actors.size());
    for (Actor a : actors) {
      out.add(a == null ? "null" : a.id());
    }
    return out;
  }
}
