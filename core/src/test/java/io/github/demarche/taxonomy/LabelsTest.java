package io.github.demarche.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void constantsAreTheDiplomaticLabelsInTaxonomyOrder() throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field f : Labels.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        String value = (String) f.get(null);
        assertEquals(value.toUpperCase(Locale.ROOT), f.getName(), "constant named after its label");
        values.add(value);
      }
    }
    assertEquals(Taxonomy.diplomatic().names(), values);
    assertEquals(Labels.NONE, Taxonomy.diplomatic().exclusiveLabel().orElseThrow());
  }
}
