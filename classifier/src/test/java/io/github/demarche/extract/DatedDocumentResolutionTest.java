package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import io.github.demarche.domain.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatedDocumentResolutionTest {
  private static final NewsStatementExtractor EXTRACTOR =
      new NewsStatementExtractor(ActorResolver.of(ActorDictionary.defaults()));

  private static Statement first(Document d) {
    return EXTRACTOR.extract(d).get(0);
  }

  @Test
  void aDatelineDatesTheDocumentForItsSpeakersRoles() {
    Statement in2014 = first(Document.of("WASHINGTON, Sept. 13 (AP) - Secretary Kerry said the"
        + " shelling was unacceptable. The talks of September 2, 2014 had failed."));
    assertEquals("USA", in2014.speaker().actor().id());
    Statement in2020 = first(Document.of("WASHINGTON, Sept. 13 (AP) - Secretary Kerry said the"
        + " shelling was unacceptable. The talks of September 2, 2020 had failed."));
    assertNull(in2020.speaker().actor());
  }

  @Test
  void theMetadataDateOfTheApiDocumentIsUsed() {
    String text = "Secretary Kerry said the shelling was unacceptable.";
    Document d = new Document("id-1", text, DocumentMetadata.NONE.withDate(LocalDate.of(2016, 1, 5)));
    assertEquals("USA", first(d).speaker().actor().id());
    assertNull(first(d.withMetadata(DocumentMetadata.NONE.withDate(LocalDate.of(2019, 1, 5))))
        .speaker().actor());
  }
}
