package io.github.demarche.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainValidationTest {

  @Test
  void positionRejectsScoreOutsideUnitInterval() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Position("threat", 1.5));
    assertTrue(e.getMessage().contains("threat") && e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Position("threat", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Position("threat", -0.01));
  }

  @Test
  void positionRejectsBlankLabelAndCopiesTargets() {
    assertThrows(IllegalArgumentException.class, () -> new Position(" ", 0.5));
    var targets = new java.util.ArrayList<>(List.of("ARM"));
    Position p = new Position("accusation", 0.7, targets);
    targets.add("AZE");
    assertEquals(List.of("ARM"), p.targets());
  }

  @Test
  void stateActorNeedsIsoCodeAndOrganisationNeedsSlug() {
    assertThrows(IllegalArgumentException.class, () -> new Actor("Iran", "Iran", ActorKind.STATE));
    assertThrows(
        IllegalArgumentException.class, () -> new Actor("NATO", "NATO", ActorKind.ORGANISATION));
    assertEquals("IRN", new Actor("IRN", "Iran", ActorKind.STATE).id());
    assertEquals("nato", new Actor("nato", "NATO", ActorKind.ORGANISATION).id());
  }

  @Test
  void statementSpanMustLieInsideDocument() {
    Document doc = new Document("d1", "Baku said so. Yerevan denied it.");
    Statement s = Statement.in(doc, 14, 32, 1, Speaker.unresolved("Yerevan"));
    assertEquals("Yerevan denied it.", s.text());
    var e = assertThrows(IllegalArgumentException.class, () -> Statement.in(doc, 14, 99, 1, null));
    assertTrue(e.getMessage().contains("outside document 'd1'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Statement.in(doc, 5, 5, 0, null));
  }

  @Test
  void speakerMentionMustNotBeBlank() {
    assertThrows(IllegalArgumentException.class, () -> new Speaker("", null));
    assertTrue(Speaker.unresolved("he").actorIfAny().isEmpty());
  }

  @Test
  void groupSpeakerKeepsItsFirstActorAsTheActor() {
    Actor arm = new Actor("ARM", "Armenia", ActorKind.STATE);
    Actor aze = new Actor("AZE", "Azerbaijan", ActorKind.STATE);
    Speaker both = Speaker.of("Both sides", java.util.List.of(arm, aze));
    assertEquals(arm, both.actor());
    assertEquals(java.util.List.of(arm, aze), both.actors());
    assertEquals(java.util.List.of(arm), new Speaker("Yerevan", arm).actors());
    assertTrue(new Speaker("he", null).actors().isEmpty());
    var wrongFirst = assertThrows(IllegalArgumentException.class,
        () -> new Speaker("Both sides", aze, java.util.List.of(arm, aze)));
    assertTrue(wrongFirst.getMessage().contains("must be the first"), wrongFirst.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Speaker("Both sides", arm, java.util.List.of(arm, arm)));
    assertThrows(IllegalArgumentException.class,
        () -> new Speaker("Both sides", arm, java.util.Arrays.asList(arm, null)));
    assertThrows(IllegalArgumentException.class, () -> new Speaker("x", null, null));
  }
}
