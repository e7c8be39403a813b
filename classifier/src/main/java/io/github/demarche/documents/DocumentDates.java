package io.github.demarche.documents;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Document;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a document was written: from its metadata when given, otherwise from a news dateline
 * at its top ("TEHRAN, Sept. 13 (MNA) –", "MOSCOW, March 3, 2022 (Reuters) -"), whose year, when
 * the dateline has none, is that of the latest full date elsewhere in the text ("September 2,
 * 2023") or else the year the text mentions most. Also parses the dates users give ({@code --date}, a {@code date} field). Stateless
 * and thread-safe.
 */
public final class DocumentDates {
  private static final String MONTH = "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?"
      + "|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?"
      + "|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
  /** "TEHRAN, Sept. 13", "KYIV, Ukraine, 13 September 2023", "BEIJING, Dec 5 2023". */
  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*(?:[^\\n]{0,200}\\n\\s*){0,3}?\\p{Lu}[\\p{Lu}\\p{L} .'’-]{1,40}(?:,\\s*[\\p{L} .]{2,30})?,"
          + "\\s*(?:" + MONTH + "\\s+(\\d{1,2})|(\\d{1,2})\\s+" + MONTH + ")"
          + "(?:,?\\s+((?:19|20)\\d\\d))?\\b");
  /** A full date anywhere: "September 13, 2023", "13 September 2023". */
  private static final Pattern FULL_DATE = Pattern.compile(
      "\\b(?:" + MONTH + "\\s+\\d{1,2},?\\s+((?:19|20)\\d\\d)|\\d{1,2}\\s+" + MONTH
          + ",?\\s+((?:19|20)\\d\\d))\\b");
  private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d\\d)\\b");

  private DocumentDates() {}

  /** The document's date: its metadata's, or its dateline's; empty when neither says. */
  public static Optional<LocalDate> of(Document document) {
    LocalDate given = document.metadata().date();
    return given != null ? Optional.of(given) : dateline(document.text());
  }

  /** The date of a dateline at the top of the text, the year found as the class says. */
  public static Optional<LocalDate> dateline(String text) {
    Matcher m = DATELINE.matcher(text.length() > 1200 ? text.substring(0, 1200) : text);
    if (!m.find()) {
      return Optional.empty();
    }
    String month = m.group(1) != null ? m.group(1) : m.group(4);
    int day = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
    Integer year = m.group(5) != null ? Integer.valueOf(m.group(5)) : yearOf(text);
    if (year == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month(month), day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Integer yearOf(String text) {
    // the latest full date: news looks back ("the deal of July 14, 2015") more than ahead
    Matcher full = FULL_DATE.matcher(text);
    Integer latest = null;
    while (full.find()) {
      int y = Integer.parseInt(full.group(2) != null ? full.group(2) : full.group(4));
      latest = latest == null || y > latest ? Integer.valueOf(y) : latest;
    }
    if (latest != null) {
      return latest;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    Matcher y = YEAR.matcher(text);
    while (y.find()) {
      counts.merge(Integer.valueOf(y.group(1)), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).orElse(null);
  }

  private static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(m) / 3 + 1;
  }

  /**
   * A date the user gave, YYYY-MM-DD.
   *
   * @throws DataException naming the file (or option), line and field when it is not one
   */
  public static LocalDate parse(String value, String file, long line, String field) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new DataException(file, line, field,
          "'" + value + "' is not a date of the form YYYY-MM-DD");
    }
  }
}
