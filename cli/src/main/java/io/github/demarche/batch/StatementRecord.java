package io.github.demarche.batch;

/**
 * The fields of one input record that a {@link StatementFunction} reads: its text and optional
 * stance target, with where it came from. Immutable and thread-safe.
 *
 * @param source the input's name as the user gave it, "-" for standard input
 * @param line the record's line number, from 1
 * @param text the record's {@code text}: present, a string, not blank
 * @param target the record's {@code target}, or null when absent, JSON null or blank
 */
public record StatementRecord(String source, long line, String text, String target) {
  public StatementRecord {
    if (source == null || text == null) {
      throw new IllegalArgumentException("a statement record needs a source name and a text");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1, was " + line);
    }
  }
}
