package io.github.demarche.domain;

/**
 * A text to analyse, such as a news article, with an identifier of the caller's choosing and
 * optional metadata (web address, date, publisher). Immutable and thread-safe.
 *
 * @param id the caller's identifier (a URL, a file name, a database key)
 * @param text the full text; paragraphs are separated by blank lines
 * @param metadata what else is known about the document; {@link DocumentMetadata#NONE} when
 *     nothing is
 */
public record Document(String id, String text, DocumentMetadata metadata) {
  public Document {
    Checks.notBlank(id, "document id");
    Checks.notNull(text, "document text");
    metadata = metadata == null ? DocumentMetadata.NONE : metadata;
  }

  /** A document without metadata. */
  public Document(String id, String text) {
    this(id, text, DocumentMetadata.NONE);
  }

  /** A document whose id is "-", for text that has no name of its own. */
  public static Document of(String text) {
    return new Document("-", text);
  }

  /** This document with the given metadata. */
  public Document withMetadata(DocumentMetadata newMetadata) {
    return new Document(id, text, newMetadata);
  }
}
