package io.github.demarche.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

  @Test
  void diplomaticTaxonomyHasTheTenCodebookLabelsWithNoneExclusive() {
    Taxonomy t = Taxonomy.diplomatic();
    assertEquals(10, t.size());
    assertEquals("none", t.exclusiveLabel().orElseThrow());
    assertEquals("0256", t.label("de_escalation").orElseThrow().cameo());
    assertTrue(t.label("territorial_integrity").orElseThrow().cameoCode().isEmpty());
    assertEquals(2, t.indexOf("accusation"));
    assertEquals(-1, t.indexOf("applause"));
  }

  @Test
  void customTaxonomyKeepsOrderAndRejectsDuplicates() {
    Taxonomy t = Taxonomy.of("semeval", List.of("FAVOR", "AGAINST", "NONE"));
    assertEquals(List.of("FAVOR", "AGAINST", "NONE"), t.names());
    assertTrue(t.exclusiveLabel().isEmpty());
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Taxonomy.of("x", List.of("a", "b", "a")));
    assertTrue(e.getMessage().contains("repeats"), e.getMessage());
  }
}
