package io.github.demarche.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.domain.DocumentMetadata;

/**
 * Document metadata given by the user: the {@code url}, {@code date} and {@code publisher} fields
 * of a JSON Lines document, and the command line's {@code --url}, {@code --date} and
 * {@code --publisher}. A field of the document wins over the command line. Stateless and
 * thread-safe.
 */
public final class MetadataFields {
  private MetadataFields() {}

  /**
   * Metadata from command-line options (each may be null).
   *
   * @throws DataException naming the option when the date is not YYYY-MM-DD
   */
  public static DocumentMetadata fromOptions(String url, String date, String publisher) {
    return new DocumentMetadata(blankToNull(url),
        date == null ? null : DocumentDates.parse(date, "--date", 0, null), blankToNull(publisher));
  }

  /**
   * The metadata of one JSON Lines document: its {@code url}, {@code date} (YYYY-MM-DD) and
   * {@code publisher} fields over {@code defaults}.
   *
   * @throws DataException naming the file, line and field of a field that is not a string, or a
   *     date that is not a date
   */
  public static DocumentMetadata fromRecord(String file, long line, ObjectNode record,
      DocumentMetadata defaults) {
    DocumentMetadata m = defaults;
    String url = blankToNull(Datasets.optionalString(file, line, record, "url"));
    if (url != null) {
      m = m.withUrl(url);
    }
    String date = blankToNull(Datasets.optionalString(file, line, record, "date"));
    if (date != null) {
      m = m.withDate(DocumentDates.parse(date, file, line, "date"));
    }
    String publisher = blankToNull(Datasets.optionalString(file, line, record, "publisher"));
    if (publisher != null) {
      m = m.withPublisher(publisher);
    }
    return m;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
