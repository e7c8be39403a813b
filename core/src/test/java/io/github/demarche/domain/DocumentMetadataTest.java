package io.github.demarche.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentMetadataTest {

  @Test
  void theTwoArgumentConstructorStillMakesADocumentWithoutMetadata() {
    Document d = new Document("a.txt", "Text.");
    assertSame(DocumentMetadata.NONE, d.metadata());
    assertTrue(d.metadata().dateIfKnown().isEmpty());
  }

  @Test
  void metadataTravelsWithTheDocumentAndKeepsItsIdFree() {
    Document d = new Document("row-17", "Text.").withMetadata(DocumentMetadata.NONE
        .withUrl(" https://www.gov.uk/x ").withDate(LocalDate.of(2014, 9, 13))
        .withPublisher("10 Downing Street"));
    assertEquals("row-17", d.id());
    assertEquals(Optional.of("https://www.gov.uk/x"), d.metadata().urlIfKnown());
    assertEquals(Optional.of(LocalDate.of(2014, 9, 13)), d.metadata().dateIfKnown());
    assertEquals(Optional.of("10 Downing Street"), d.metadata().publisherIfKnown());
  }

  @Test
  void blankUrlOrPublisherIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DocumentMetadata(" ", null, null));
    assertThrows(IllegalArgumentException.class, () -> new DocumentMetadata(null, null, ""));
  }

  @Test
  void anActorsCameoCodeSaysItsCapacityButNotItsIdentity() {
    Actor iran = new Actor("IRN", "Iran", ActorKind.STATE, "IRN");
    Actor government = iran.withCameo("IRNGOV");
    assertEquals("IRNGOV", government.cameo());
    assertEquals(iran, government);
    assertEquals(iran.hashCode(), government.hashCode());
    assertNotEquals(iran, new Actor("IRQ", "Iraq", ActorKind.STATE, "IRN"));
    assertTrue(new Actor("IRN", "Iran", ActorKind.STATE).cameoIfKnown().isEmpty());
  }

  @Test
  void aCameoCodeIsUpperCaseLettersInGroupsOfThree() {
    assertThrows(IllegalArgumentException.class,
        () -> new Actor("IRN", "Iran", ActorKind.STATE, "IRNGO"));
    assertThrows(IllegalArgumentException.class,
        () -> new Actor("un", "United Nations", ActorKind.ORGANISATION, "igouno"));
    assertEquals("IGOUNO", new Actor("un", "UN", ActorKind.ORGANISATION, "IGOUNO").cameo());
  }
}
