package io.github.demarche.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
  private static final List<Example> CORPUS = List.of(
      new Example("1", "one two three four", List.of("accusation"), null, "s1"),
      new Example("2", "alpha beta gamma", List.of("none"), null, "s2"),
      new Example("3", "red green blue black", List.of("concern", "threat"), null, "s3"));

  @Test
  void sameSeedGivesTheSameExamplesAndAnotherSeedOthers() {
    List<Example> a = SyntheticCorpus.of(CORPUS, 200, 1);
    assertEquals(a, SyntheticCorpus.of(CORPUS, 200, 1));
    assertNotEquals(a, SyntheticCorpus.of(CORPUS, 200, 2));
    assertEquals(200, a.size());
  }

  @Test
  void eachExampleJoinsTwoHalvesAndCarriesTheLabelsOfBoth() {
    for (Example e : SyntheticCorpus.of(CORPUS, 300, 3)) {
      String[] words = e.text().split(" ");
      Example head = CORPUS.stream().filter(c -> c.text().startsWith(words[0])).findFirst()
          .orElseThrow();
      Example tail = CORPUS.stream().filter(c -> c.text().endsWith(words[words.length - 1]))
          .findFirst().orElseThrow();
      for (String l : head.labels()) {
        assertTrue(e.labels().contains(l) || l.equals("none"), e + " lacks " + l);
      }
      for (String l : tail.labels()) {
        assertTrue(e.labels().contains(l) || l.equals("none"), e + " lacks " + l);
      }
      assertFalse(e.labels().contains("none") && e.labels().size() > 1, e.toString());
      assertTrue(e.group().startsWith("synthetic-source-"));
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.of(List.of(), 5, 1));
    assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.of(CORPUS, 0, 1));
  }
}
