package io.github.demarche.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What is known about a document besides its text: the web address it was published at, its date
 * and its publisher. Each part is optional; the date lets a person's role resolve for the day the
 * document was written, the address and publisher tell who issued an official statement.
 * Immutable and thread-safe.
 *
 * @param url the web address the document was published at, or null
 * @param date the day the document was published, or null
 * @param publisher who published it, as written by the caller ("gov.uk", "Ministry of Foreign
 *     Affairs of Japan"), or null
 */
public record DocumentMetadata(String url, LocalDate date, String publisher) {
  /** Metadata that says nothing. */
  public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null);

  public DocumentMetadata {
    if (url != null) {
      Checks.notBlank(url, "document url");
      url = url.strip();
    }
    if (publisher != null) {
      Checks.notBlank(publisher, "document publisher");
      publisher = publisher.strip();
    }
  }

  /** The web address, if known. */
  public Optional<String> urlIfKnown() {
    return Optional.ofNullable(url);
  }

  /** The publication date, if known. */
  public Optional<LocalDate> dateIfKnown() {
    return Optional.ofNullable(date);
  }

  /** The publisher, if known. */
  public Optional<String> publisherIfKnown() {
    return Optional.ofNullable(publisher);
  }

  /** This metadata with the given web address (null for none). */
  public DocumentMetadata withUrl(String newUrl) {
    return new DocumentMetadata(newUrl, date, publisher);
  }

  /** This metadata with the given date (null for none). */
  public DocumentMetadata withDate(LocalDate newDate) {
    return new DocumentMetadata(url, newDate, publisher);
  }

  /** This metadata with the given publisher (null for none). */
  public DocumentMetadata withPublisher(String newPublisher) {
    return new DocumentMetadata(url, date, newPublisher);
  }
}
