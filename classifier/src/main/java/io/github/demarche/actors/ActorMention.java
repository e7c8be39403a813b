package io.github.demarche.actors;

import io.github.demarche.domain.Actor;

/**
 * A place in a text that names an actor, e.g. "Tehran" or "Azerbaijani" in "the Azerbaijani
 * foreign ministry"; a person's name stands for the actor they speak for.
 * Immutable and thread-safe.
 *
 * @param start offset of the first character (inclusive)
 * @param end offset after the last character (exclusive)
 * @param surface the text as written
 * @param actor the actor it names
 */
public record ActorMention(int start, int end, String surface, Actor actor) {
  public ActorMention {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("mention span [" + start + ", " + end + ") is empty");
    }
    if (surface == null || actor == null) {
      throw new IllegalArgumentException("surface and actor must not be null");
    }
  }
}
