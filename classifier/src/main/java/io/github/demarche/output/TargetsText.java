package io.github.demarche.output;

import io.github.demarche.domain.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * The parties a position is about, as one short text for the outputs people read (the
 * {@code analyze} table and the HTML page): the actor ids, then the parties that resolved to no
 * actor in quotes, separated by {@code /}. Stateless and thread-safe.
 */
public final class TargetsText {
  private TargetsText() {}

  /** {@code UKR/"the Wagner Group"}, or the empty string when the position has no targets. */
  public static String of(Position p) {
    if (p.unresolvedTargets().isEmpty()) {
      return String.join("/", p.targets());
    }
    List<String> all = new ArrayList<>(p.targets());
    p.unresolvedTargets().forEach(t -> all.add('"' + t + '"'));
    return String.join("/", all);
  }
}
