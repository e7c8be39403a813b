package io.github.demarche.actors;

/**
 * What one alias in the dictionary stands for: the id of an actor (null for a phrase that names
 * no actor) and the column the alias came from. Immutable and thread-safe.
 *
 * @param actorId the actor's id, or null for an ignored phrase
 * @param kind which column of the dictionary the alias was listed in
 */
record AliasTarget(String actorId, Kind kind) {

  /** The column an alias came from; resolution treats metonyms as weaker than names. */
  enum Kind {
    NAME,
    DEMONYM,
    METONYM,
    IGNORED
  }

  static final AliasTarget IGNORED = new AliasTarget(null, Kind.IGNORED);

  AliasTarget {
    if (kind == null || (actorId == null) != (kind == Kind.IGNORED)) {
      throw new IllegalArgumentException(
          "an alias needs an actor id unless it is ignored, got " + actorId + " / " + kind);
    }
  }
}
