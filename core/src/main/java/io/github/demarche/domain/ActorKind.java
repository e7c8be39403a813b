package io.github.demarche.domain;

/** What sort of party an {@link Actor} is. Immutable and thread-safe. */
public enum ActorKind {
  /** A sovereign state; its id is an ISO 3166-1 alpha-3 code. */
  STATE,
  /** An international or intergovernmental organisation; its id is a slug such as {@code nato}. */
  ORGANISATION,
  /** A named person acting on their own account. */
  PERSON,
  /** Anything else: armed groups, breakaway entities, companies. */
  OTHER
}
