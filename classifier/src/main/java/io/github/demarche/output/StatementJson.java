package io.github.demarche.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes statements as JSON Lines, one {@link StatementRecord} per line: the single writer behind
 * {@code analyze --format jsonl} and the batch example (the Spark job writes rows of the same
 * shape). Fields, in order: {@code document}, {@code sentence}, {@code start}, {@code end},
 * {@code text}, {@code speaker} (null, or {@code mention}, {@code actor} (null or {@code id},
 * {@code name}, {@code kind}, {@code cameo}) and {@code actors}), {@code positions} ({@code label}, {@code
 * score}, {@code targets}, {@code unresolvedTargets}). Stateless and thread-safe.
 */
public final class StatementJson {
  private static final ObjectMapper JSON = JsonLines.mapper();

  private StatementJson() {}

  /** The statement as a JSON object. */
  public static ObjectNode toJson(String document, Statement s) {
    return JSON.valueToTree(StatementRecord.of(document, s));
  }

  /** The statement as one line of JSON, without the line break. */
  public static String line(String document, Statement s) {
    // through JsonOutput, so that a lone surrogate in the text is escaped, not written as '?'
    return JsonOutput.line(toJson(document, s));
  }

  /**
   * Writes the statement and a line break to {@code out}.
   *
   * @throws UncheckedIOException when the write fails, so a failed write fails the run
   */
  public static void write(Writer out, String document, Statement s) {
    try {
      out.write(line(document, s));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the statements: " + e.getMessage(), e);
    }
  }
}
