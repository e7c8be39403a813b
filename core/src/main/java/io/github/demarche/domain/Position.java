package io.github.demarche.domain;

import java.util.List;

/**
 * One position a statement takes: a label of the taxonomy, a score in [0, 1] and the parties it
 * is about, as actor ids where they resolved to an actor and, apart, as mentions where they did
 * not. Immutable and thread-safe.
 *
 * @param label the label's name, e.g. "accusation" ({@link io.github.demarche.taxonomy.Labels})
 * @param score how confident the classifier is, in [0, 1]
 * @param targets the ids ({@link Actor#id()}) of the actors the position is about; never null,
 *     may be empty
 * @param unresolvedTargets parties the position is about that resolved to no actor, as written
 *     in the text; never null, may be empty
 */
public record Position(
    String label, double score, List<String> targets, List<String> unresolvedTargets) {
  /** Checks the label, the score's range and the target lists. */
  public Position {
    Checks.notBlank(label, "position label");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException(
          "score of position '" + label + "' must be in [0, 1], was " + score);
    }
    targets = checked(targets, "target", label);
    unresolvedTargets = checked(unresolvedTargets, "unresolved target", label);
  }

  /** A position about the given actors (ids), with no unresolved targets. */
  public Position(String label, double score, List<String> targets) {
    this(label, score, targets, List.of());
  }

  /** A position with no targets. */
  public Position(String label, double score) {
    this(label, score, List.of(), List.of());
  }

  /** This position about the given actors (ids), keeping its unresolved targets. */
  public Position withTargets(List<String> actorIds) {
    return new Position(label, score, actorIds, unresolvedTargets);
  }

  /** This position about the given actors (ids) and unresolved mentions. */
  public Position withTargets(List<String> actorIds, List<String> unresolvedMentions) {
    return new Position(label, score, actorIds, unresolvedMentions);
  }

  /**
   * The actor ids, then the unresolved mentions: what {@code targets()} held before targets and
   * unresolved mentions were kept apart.
   *
   * @deprecated use {@link #targets()} (actor ids) and {@link #unresolvedTargets()} (mentions)
   */
  @Deprecated(since = "0.1.0")
  public List<String> allTargets() {
    if (unresolvedTargets.isEmpty()) {
      return targets;
    }
    List<String> all = new java.util.ArrayList<>(targets);
    all.addAll(unresolvedTargets);
    return List.copyOf(all);
  }

  private static List<String> checked(List<String> values, String what, String label) {
    Checks.notNull(values, what + "s of position '" + label + "'");
    for (String value : values) {
      Checks.notBlank(value, "a " + what + " of position '" + label + "'");
    }
    return List.copyOf(values);
  }
}
