package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.domain.Actor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TitleResolutionTest {
  private static final ActorDictionary DEFAULTS = ActorDictionary.defaults();

  private static String id(String mention) {
    Optional<Actor> a = DEFAULTS.resolve(mention);
    return a.map(Actor::id).orElse(null);
  }

  @Test
  void aTitleWithADemonymSpeaksForThatStateWhoeverHoldsIt() {
    assertEquals("IRQ", id("the Iraqi prime minister"));
    assertEquals("IRQ", id("Iraqi caretaker Prime Minister Adel Abdul Mahdi"));
    assertEquals("NER", id("the Nigerien junta's spokesman"));
  }

  @Test
  void aTitleWithACountryInThePossessiveOrAfterOfSpeaksForIt() {
    assertEquals("VEN", id("Venezuela's foreign minister, Yvan Gil"));
    assertEquals("NER", id("the Minister of Foreign Affairs of Niger"));
  }

  @Test
  void theAgentsDictionarySaysWhichNounsAreRoles() {
    for (String noun : new String[] {"minister", "Spokesman", "junta", "prime minister",
        "ministers", "army", "ambassador", "envoy", "president"}) {
      assertTrue(ActorDictionary.isRoleNoun(noun), noun);
    }
    for (String word : new String[] {"weather", "border", "talks", "Monday", ""}) {
      assertFalse(ActorDictionary.isRoleNoun(word), word);
    }
  }

  @Test
  void capitalsOfEveryStateNameItsGovernment() {
    for (String[] c : new String[][] {{"Georgetown", "GUY"}, {"Lima", "PER"},
        {"Wellington", "NZL"}, {"The Hague", "NLD"}, {"Sofia", "BGR"}, {"Nassau", "BHS"},
        {"St. George's", "GRD"}}) {
      assertEquals(c[1], DEFAULTS.find("Officials in " + c[0] + " said so.").get(0).actor().id(),
          c[0]);
    }
  }
}
