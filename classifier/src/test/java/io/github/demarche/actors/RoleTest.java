package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void everyDayOfTwoCenturiesReadsAsItsOwnDate() {
    for (LocalDate d = LocalDate.of(1899, 12, 1); d.getYear() < 2101; d = d.plusDays(1)) {
      Role r = Role.parse("USA USAGOV " + d + "..");
      assertEquals(d, r.fromDate());
      assertNull(r.toDate());
    }
  }

  @Test
  void daysThatDoNotExistAreRefused() {
    assertEquals(LocalDate.of(2000, 2, 29), Role.parse("X XXX 2000-02-29..").fromDate());
    for (String bad : new String[] {"1900-02-29", "2023-02-29", "2023-04-31", "2023-13-01",
        "2023-00-10", "2023-01-00"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Role.parse("X XXX .." + bad), bad);
      assertTrue(e.getMessage().contains("impossible date"), e.getMessage());
    }
  }

  @Test
  void theDictionaryFormRoundTrips() {
    for (String form : new String[] {"USA USAGOV 2013-02-01..2017-01-20", "un IGOUNO 2007-01-01..",
        "RUS RUSGOV ..2004-07-12", "AFG AFGMIL"}) {
      assertEquals(form, Role.parse(form).format());
    }
  }
}
