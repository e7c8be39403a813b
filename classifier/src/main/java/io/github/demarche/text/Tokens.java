package io.github.demarche.text;

import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Word tokens of a statement, from OpenNLP's {@link SimpleTokenizer} (character classes: runs of
 * letters, of digits, and single punctuation marks). Chosen over the statistical tokenizer for the
 * classifier because it is deterministic, needs no model and is an order of magnitude faster;
 * stance features do not need clitic splitting. Stateless and thread-safe.
 */
public final class Tokens {
  private Tokens() {}

  /** The token spans of {@code text}, in order. */
  public static Span[] spans(String text) {
    return SimpleTokenizer.INSTANCE.tokenizePos(text);
  }
}
