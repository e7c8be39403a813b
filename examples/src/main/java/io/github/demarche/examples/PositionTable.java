package io.github.demarche.examples;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Statement;
import io.github.demarche.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts positions by the actor of their speaker (a state, an organisation) and prints the counts
 * as a table: one row per actor, one column per label. Statements without a speaker count under
 * "(no speaker)", speakers that resolve to no actor under "(unresolved)". Not thread-safe: feed it
 * from one thread.
 */
public final class PositionTable {
  static final String NO_SPEAKER = "(no speaker)";
  static final String UNRESOLVED = "(unresolved)";

  private final Map<String, Map<String, Integer>> counts = new HashMap<>();
  private final Map<String, Integer> labelTotals = new HashMap<>();
  private long statements;

  /** Counts every position of the statement under its speaker's actor. */
  public void add(Statement s) {
    statements++;
    String row = s.speakerIfAny().map(sp -> sp.actorIfAny().map(PositionTable::name)
        .orElse(UNRESOLVED)).orElse(NO_SPEAKER);
    Map<String, Integer> cells = counts.computeIfAbsent(row, k -> new HashMap<>());
    for (Position p : s.positions()) {
      cells.merge(p.label(), 1, Integer::sum);
      labelTotals.merge(p.label(), 1, Integer::sum);
    }
  }

  private static String name(Actor a) {
    return a.name() + " [" + a.id() + "]";
  }

  /** How many statements were added. */
  public long statements() {
    return statements;
  }

  /** How many positions with {@code label} the row's actor took (rows as printed). */
  public int count(String row, String label) {
    return counts.getOrDefault(row, Map.of()).getOrDefault(label, 0);
  }

  /** The rows, most positions first; the two catch-all rows last. */
  public List<String> rows() {
    List<String> rows = new ArrayList<>(counts.keySet());
    rows.sort(Comparator.comparing((String r) -> r.startsWith("("))
        .thenComparingInt(r -> -total(r)).thenComparing(r -> r));
    return rows;
  }

  /** The labels seen, most frequent first; "none" (no position found) last. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(labelTotals.keySet());
    labels.sort(Comparator.comparing((String l) -> l.equals(Taxonomy.NONE))
        .thenComparingInt(l -> -labelTotals.get(l)).thenComparing(l -> l));
    return labels;
  }

  private int total(String row) {
    return counts.get(row).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The table as text: actors down, labels across, a total column, zeros shown as dots. */
  public String render() {
    List<String> labels = labels();
    List<String> rows = rows();
    int first = Math.max(5, rows.stream().mapToInt(String::length).max().orElse(0));
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + first + "s", "ACTOR"));
    for (String l : labels) {
      sb.append(String.format(Locale.ROOT, " %" + Math.max(5, l.length()) + "s", l));
    }
    sb.append(String.format(Locale.ROOT, " %6s%n", "total"));
    for (String r : rows) {
      sb.append(String.format(Locale.ROOT, "%-" + first + "s", r));
      for (String l : labels) {
        int c = count(r, l);
        sb.append(String.format(Locale.ROOT, " %" + Math.max(5, l.length()) + "s",
            c == 0 ? "." : Integer.toString(c)));
      }
      sb.append(String.format(Locale.ROOT, " %6d%n", total(r)));
    }
    return sb.toString();
  }
}
