package io.github.demarche.domain;

/**
 * A text to analyse, such as a news article, with an identifier of the caller's choosing.
 * Immutable and thread-safe.
 *
 * @param id the caller's identifier (a URL, a file name, a database key)
 * @param text the full text; paragraphs are separated by blank lines
 */
public record Document(String id, String text) {
  public Document {
    Checks.notBlank(id, "document id");
    Checks.notNull(text, "document text");
  }

  /** A document whose id is "-", for text that has no name of its own. */
  public static Document of(String text) {
    return new Document("-", text);
  }
}
