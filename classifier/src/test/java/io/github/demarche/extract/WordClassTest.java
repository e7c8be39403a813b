package io.github.demarche.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A token answers for every word class exactly as the class's word list does for its lower case. */
class WordClassTest {
  /** Every word class the attribution rules declare, read from their constants. */
  private static List<WordClass> declared() throws IllegalAccessException {
    List<WordClass> out = new ArrayList<>();
    for (Class<?> c : List.of(SpeechCues.class, Attributor.class, Speeches.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == WordClass.class) {
          f.setAccessible(true);
          out.add((WordClass) f.get(null));
        }
      }
    }
    return out;
  }

  @Test
  void everyTokenAnswersForEveryClassAsItsLowerCaseWordDoes() throws IllegalAccessException {
    List<WordClass> classes = declared();
    assertTrue(classes.size() > 40, "word classes found: " + classes.size());
    StringBuilder text = new StringBuilder("Talks & \"quoted said\" , ; ( ) : ");
    for (WordClass c : classes) {
      for (String w : c.words()) {
        text.append(w).append(' ').append(w.toUpperCase(Locale.ROOT)).append(' ');
        text.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append(' ');
        text.append(w).append("s ").append(w).append("ly . ");
      }
    }
    String s = text.toString();
    List<Token> tokens = Token.tokenize(s, 0, s.length(), Segmenter.quotes(s, 0, s.length()));
    int members = 0;
    for (Token t : tokens) {
      for (WordClass c : classes) {
        boolean byList = c.contains(t.lower());
        assertEquals(byList, c.contains(t), () -> "token '" + t.text() + "'");
        members += byList ? 1 : 0;
      }
    }
    assertTrue(members > 1000, "tokens in a class: " + members);
  }

  @Test
  void aWordClassDeclaredOnceTheTableIsBuiltIsRefused() {
    WordClass.classesOf("said"); // builds the table
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WordClass.of("latecomer"));
    assertTrue(e.getMessage().contains("after the word table was built"), e.getMessage());
  }
}
