package io.github.demarche.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceInput;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Pins one naming rule for optional values and the split of a position's targets. */
class OptionalValuesTest {

  @Test
  void everyOptionalGetterIsNamedAfterItsComponentWithIfAny() {
    for (Class<?> type : List.of(Statement.class, Speaker.class, StanceInput.class)) {
      Set<String> components = new TreeSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        components.add(c.getName());
      }
      Set<String> optionalGetters = new TreeSet<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == Optional.class
            && !m.isAnnotationPresent(Deprecated.class)) {
          optionalGetters.add(m.getName());
          assertTrue(m.getName().endsWith("IfAny")
                  && components.contains(m.getName().substring(0, m.getName().length() - 5)),
              type.getSimpleName() + "." + m.getName() + " is not named COMPONENTIfAny");
        }
      }
      assertFalse(optionalGetters.isEmpty(), type.getSimpleName() + " has no optional getter");
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void oldGetterNamesStillAnswerTheSame() {
    Actor aze = new Actor("AZE", "Azerbaijan", ActorKind.STATE);
    Speaker speaker = new Speaker("the ministry", aze);
    Statement s = new Statement("It said so.", 0, 11, 0, speaker, List.of());
    assertEquals(Optional.of(speaker), s.speakerIfAny());
    assertEquals(s.speakerIfAny(), s.speakerIfKnown());
    assertEquals(Optional.of(aze), speaker.actorIfAny());
    assertEquals(speaker.actorIfAny(), speaker.resolvedActor());
    assertEquals(Optional.empty(), Speaker.unresolved("he").actorIfAny());
    assertEquals(Optional.empty(), StanceInput.of("Text.").targetIfAny());
  }

  @Test
  @SuppressWarnings("deprecation")
  void positionKeepsActorIdsAndUnresolvedMentionsApart() {
    Position p = new Position("accusation", 0.8).withTargets(List.of("ARM"), List.of("the rebels"));
    assertEquals(List.of("ARM"), p.targets());
    assertEquals(List.of("the rebels"), p.unresolvedTargets());
    assertEquals(List.of("ARM", "the rebels"), p.allTargets());
    assertEquals(List.of("the rebels"), p.withTargets(List.of("AZE")).unresolvedTargets());
    assertEquals(List.of(), new Position("threat", 0.5, List.of("RUS")).unresolvedTargets());
    assertThrows(IllegalArgumentException.class,
        () -> new Position("threat", 0.5, List.of(), List.of(" ")));
    assertThrows(IllegalArgumentException.class,
        () -> new Position("threat", 0.5, List.of(), null));
  }
}
