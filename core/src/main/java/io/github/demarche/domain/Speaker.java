package io.github.demarche.domain;

import java.util.Optional;

/**
 * Who made a statement: the mention as written in the text, and the actor it resolves to when
 * one could be found. Immutable and thread-safe.
 *
 * @param mention the speaker as written, e.g. "Iranian Foreign Ministry spokesman Nasser Kanaani"
 * @param actor the state or organisation the speaker speaks for, or null when unresolved
 */
public record Speaker(String mention, Actor actor) {
  public Speaker {
    Checks.notBlank(mention, "speaker mention");
  }

  /** A speaker whose actor is not known. */
  public static Speaker unresolved(String mention) {
    return new Speaker(mention, null);
  }

  /** The resolved actor, if any. */
  public Optional<Actor> resolvedActor() {
    return Optional.ofNullable(actor);
  }
}
