package io.github.demarche.domain;

import java.util.List;

/**
 * One position a statement takes: a label of the taxonomy, a score in [0, 1] and the parties it
 * is about. Immutable and thread-safe.
 *
 * @param label the label's name, e.g. "accusation"
 * @param score how confident the classifier is, in [0, 1]
 * @param targets the parties the position is about (actor ids where resolved, else mentions as
 *     written); never null, may be empty
 */
public record Position(String label, double score, List<String> targets) {
  public Position {
    Checks.notBlank(label, "position label");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException(
          "score of position '" + label + "' must be in [0, 1], was " + score);
    }
    Checks.notNull(targets, "targets of position '" + label + "'");
    for (String target : targets) {
      Checks.notBlank(target, "a target of position '" + label + "'");
    }
    targets = List.copyOf(targets);
  }

  /** A position with no targets. */
  public Position(String label, double score) {
    this(label, score, List.of());
  }

  /** This position with the given targets. */
  public Position withTargets(List<String> newTargets) {
    return new Position(label, score, newTargets);
  }
}
