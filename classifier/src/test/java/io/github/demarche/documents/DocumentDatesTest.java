package io.github.demarche.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentDatesTest {

  @Test
  void aDatelineWithoutAYearTakesTheYearOfAFullDateElsewhere() {
    String text = "TEHRAN, Sept. 13 (MNA) – Iran's foreign ministry spokesman condemned the"
        + " attack.\n\nThe deal of July 14, 2015 was recalled; the talks of September 2, 2023"
        + " had ended without result.";
    assertEquals(Optional.of(LocalDate.of(2023, 9, 13)), DocumentDates.dateline(text));
  }

  @Test
  void aDatelineWithItsOwnYearOrDayFirstIsRead() {
    assertEquals(Optional.of(LocalDate.of(2022, 3, 3)),
        DocumentDates.dateline("MOSCOW, March 3, 2022 (Reuters) - Russia said..."));
    assertEquals(Optional.of(LocalDate.of(2023, 9, 13)),
        DocumentDates.dateline("KYIV, Ukraine, 13 September 2023 - Ukraine said..."));
  }

  @Test
  void aDatelineUnderAHeadlineIsFound() {
    String text = "Iran condemns attack on embassy\n\nTEHRAN, Dec. 5 (MNA) – The ministry said"
        + " on Monday ... as in 2021 and 2023, and 2023 again.";
    assertEquals(Optional.of(LocalDate.of(2023, 12, 5)), DocumentDates.dateline(text));
  }

  @Test
  void textWithoutADatelineHasNoDate() {
    assertEquals(Optional.empty(),
        DocumentDates.dateline("Azerbaijan accused Armenia of shelling, 12 times in 2020."));
    assertEquals(Optional.empty(), DocumentDates.dateline("TEHRAN, Sept. 13 (MNA) – no year."));
  }

  @Test
  void theMetadataDateWinsOverTheDateline() {
    Document d = new Document("a", "TEHRAN, Sept. 13 (MNA) – in 2023.",
        DocumentMetadata.NONE.withDate(LocalDate.of(2014, 1, 2)));
    assertEquals(Optional.of(LocalDate.of(2014, 1, 2)), DocumentDates.of(d));
  }

  @Test
  void aBadDateIsAnErrorNamingFileLineAndField() {
    DataException e = assertThrows(DataException.class,
        () -> DocumentDates.parse("2014-13-01", "docs.jsonl", 3, "date"));
    assertEquals("docs.jsonl:3: field 'date' '2014-13-01' is not a date of the form YYYY-MM-DD",
        e.getMessage());
  }
}
