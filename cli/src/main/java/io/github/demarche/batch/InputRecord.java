package io.github.demarche.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One parsed input record handed to a {@link RecordFunction}: where it came from and its JSON.
 * The object belongs to the function, which may change it and return it. Not thread-safe (the
 * object is mutable); the pipeline hands each record to one thread.
 *
 * @param source the input's name as the user gave it, "-" for standard input
 * @param line the record's line number, from 1
 * @param json the record
 */
public record InputRecord(String source, long line, ObjectNode json) {
  public InputRecord {
    if (source == null || json == null) {
      throw new IllegalArgumentException("a record needs a source name and a JSON object");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1, was " + line);
    }
  }
}
