package io.github.demarche.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.demarche.data.JsonLines;

/**
 * Tells whether text given to {@code analyze} as an article is really JSON Lines: its first
 * non-blank line is a JSON object. Analysing such a file as prose would find "statements" in the
 * JSON syntax, so {@code analyze} refuses it unless {@code --input-format} is given explicitly.
 * Stateless and thread-safe.
 */
final class JsonLinesGuess {
  private JsonLinesGuess() {}

  /** True when the first non-blank line of {@code text} starts with '{' and parses as an object. */
  static boolean looksLikeJsonLines(String text) {
    String first = text.strip().lines().findFirst().orElse("");
    if (!first.startsWith("{")) {
      return false;
    }
    try {
      JsonNode node = JsonLines.mapper().readTree(first);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The one-line refusal for {@code file}. */
  static String refusal(String file) {
    return file + ": looks like JSON Lines (its first line is a JSON object), not an article;"
        + " add --input-format jsonl to analyse one document a line (field 'text'), or"
        + " --input-format text to analyse it as prose anyway";
  }
}
