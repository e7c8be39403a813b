package io.github.demarche.actors;

import io.github.demarche.domain.Actor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Names of states, organisations and people, and the actors they stand for: finds actor mentions
 * in text and resolves a speaker mention to the actor it speaks for. Kept as data in a documented
 * format ({@code docs/actors.md}) that users can extend or replace. Immutable and thread-safe.
 *
 * <p>SKELETON: the API is fixed; the implementation and the bundled data are being written.
 */
public final class ActorDictionary {

  /** The bundled dictionary: every UN member state, observers, major organisations. */
  public static ActorDictionary defaults() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** A dictionary read from a file in the documented format. */
  public static ActorDictionary load(Path file) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** This dictionary with the entries of {@code other} added (other's entries win on conflict). */
  public ActorDictionary extendWith(ActorDictionary other) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The actor with this id, if any. */
  public Optional<Actor> byId(String id) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Every actor mention in the text, in text order, longest match first, not overlapping. */
  public List<ActorMention> find(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * The actor a speaker mention speaks for, e.g. "Iranian Foreign Ministry spokesman Nasser
   * Kanaani" to Iran, "the UN Security Council" to the Security Council, "Tehran" to Iran; empty
   * when the mention names none ("he", "the spokesman").
   */
  public Optional<Actor> resolve(String speakerMention) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
