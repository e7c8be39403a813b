package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatedRolesTest {
  private static final ActorDictionary DEFAULTS = ActorDictionary.defaults();
  private static final String HEADER = DictionaryReader.FULL_HEADER + "\n";
  private static final String STATES = "FRE\tstate\tFreedonia\nSYL\tstate\tSylvania\n"
      + "league\torganisation\tLeague of Nations\t\t\t\t\t\tIGOLON\n";

  @TempDir Path dir;

  private ActorDictionary load(String rows) throws IOException {
    Path f = dir.resolve("d" + System.nanoTime() + ".tsv");
    Files.writeString(f, HEADER + rows);
    return ActorDictionary.load(f);
  }

  private static String id(Optional<Actor> a) {
    return a.map(Actor::id).orElse(null);
  }

  @Test
  void secretaryKerrySpeaksForTheUnitedStatesIn2014ButNotIn2020() {
    String mention = "Secretary Kerry";
    assertEquals("USA", id(DEFAULTS.resolve(mention, LocalDate.of(2014, 9, 13))));
    assertEquals(Optional.empty(), DEFAULTS.resolve(mention, LocalDate.of(2020, 6, 1)));
  }

  @Test
  void withoutADateANameResolvesOnlyWhenAllItsRolesPointToOneActor() throws IOException {
    ActorDictionary d = load(STATES
        + "rufus\tperson\tRufus Firefly\t\t\t\t\t\t\tFRE FREGOV 1930-01-01..1933-12-31"
        + "|FRE FREGOVLEG 1934-01-01..\n"
        + "trentino\tperson\tAmbassador Trentino\t\t\t\t\t\t\tSYL SYLGOV ..1932-12-31"
        + "|league IGOLON 1933-01-01..\n");
    assertEquals("FRE", id(d.resolve("Rufus Firefly said")));
    assertEquals(Optional.empty(), d.resolve("Ambassador Trentino said"));
    assertEquals("SYL", id(d.resolve("Ambassador Trentino", LocalDate.of(1932, 5, 1))));
    assertEquals("league", id(d.resolve("Ambassador Trentino", LocalDate.of(1940, 5, 1))));
    assertEquals(Optional.empty(), d.resolve("Rufus Firefly", LocalDate.of(1920, 1, 1)));
  }

  @Test
  void aResolvedPersonCarriesTheCameoCodeOfTheRoleHeldThatDay() throws IOException {
    ActorDictionary d = load(STATES
        + "rufus\tperson\tRufus Firefly\t\t\t\t\t\t\tFRE FREGOVLEG 1920-01-01..1929-12-31"
        + "|FRE FREGOV 1930-01-01..\n");
    assertEquals("FREGOVLEG", d.resolve("Rufus Firefly", LocalDate.of(1925, 1, 1)).get().cameo());
    assertEquals("FREGOV", d.resolve("Rufus Firefly", LocalDate.of(1935, 1, 1)).get().cameo());
    assertEquals("FREGOV", d.resolve("Rufus Firefly").get().cameo(), "latest role without date");
    assertEquals("FRE", d.find("Rufus Firefly spoke.", LocalDate.of(1935, 1, 1)).get(0).actor()
        .id());
  }

  @Test
  void everyBundledActorKindCarriesItsCameoCode() {
    assertEquals("IRN", DEFAULTS.resolve("Iran").get().cameo());
    assertEquals("IGOUNO", DEFAULTS.resolve("the United Nations").get().cameo());
    assertEquals("IGOWSTNAT", DEFAULTS.resolve("NATO").get().cameo());
    assertEquals("KSV", DEFAULTS.resolve("Kosovo").get().cameo(), "CAMEO's code for Kosovo");
    assertEquals("RUSGOV", DEFAULTS.resolve("Vladimir Putin").get().cameo(), "a curated official");
    assertEquals("AFGMIL", DEFAULTS.resolve("the Afghan National Army").get().cameo(), "a body");
  }

  @Test
  void aRoleNounAddsItsAgentToTheStatesCode() {
    assertEquals("IRQGOV", DEFAULTS.resolve("the Iraqi prime minister").get().cameo());
    assertEquals("RUSMIL", DEFAULTS.resolve("the Russian army").get().cameo());
    assertEquals("IRNGOV", DEFAULTS.resolve("Iranian Foreign Ministry spokesman").get().cameo());
    assertEquals("USAGOVLEG", DEFAULTS.resolve("the US Congress").get().cameo(), "CAMEO body");
  }

  @Test
  void curatedEntriesWinOverConvertedOnes() throws IOException {
    ActorDictionary converted = load(STATES
        + "rufus\tperson\tRufus Firefly\t\tPresident Firefly\t\t\t\t\tFRE FREGOV 1930-01-01..1933-12-31\n");
    ActorDictionary curated = load(STATES + "rufus\tperson\tRufus Firefly\tSYL\n");
    ActorDictionary both = converted.extendWith(curated);
    assertEquals("SYL", id(both.resolve("President Firefly", LocalDate.of(1931, 1, 1))));
    assertEquals("SYL", id(both.resolve("Rufus Firefly", LocalDate.of(2020, 1, 1))));
  }

  @Test
  void convertedOfficeHoldersAndArmedGroupsResolve() {
    assertEquals("AFG", id(DEFAULTS.resolve("Abdul Karim Khalili", LocalDate.of(2005, 1, 1))));
    assertEquals("IRQ", id(DEFAULTS.resolve("Saddam Hussein", LocalDate.of(1990, 8, 2))));
    assertEquals(Optional.empty(), DEFAULTS.resolve("Saddam Hussein", LocalDate.of(2005, 1, 1)));
    Actor group = DEFAULTS.resolve("the Angry Brigade").orElseThrow();
    assertEquals("ITAREB", group.cameo());
  }

  @Test
  void aMalformedRoleIsAnErrorNamingFileLineAndField() {
    DataException e = assertThrows(DataException.class, () -> load(STATES
        + "rufus\tperson\tRufus Firefly\t\t\t\t\t\t\tFRE FREGOV 1930-02-30..\n"));
    assertTrue(e.getMessage().matches(".*\\.tsv:5: field 'roles' .*impossible date.*"),
        e.getMessage());
    DataException shape = assertThrows(DataException.class, () -> load(STATES
        + "rufus\tperson\tRufus Firefly\t\t\t\t\t\t\tFRE in 1930\n"));
    assertTrue(shape.getMessage().contains(":5: field 'roles'"), shape.getMessage());
    DataException code = assertThrows(DataException.class, () -> load(STATES
        + "rufus\tperson\tRufus Firefly\t\t\t\t\t\tfre\n"));
    assertTrue(code.getMessage().contains(":5: field 'cameo'"), code.getMessage());
    DataException order = assertThrows(DataException.class, () -> load(STATES
        + "rufus\tperson\tRufus Firefly\t\t\t\t\t\t\tFRE FREGOV 1935-01-01..1930-01-01\n"));
    assertTrue(order.getMessage().contains(":5: field 'roles'"), order.getMessage());
  }
}
