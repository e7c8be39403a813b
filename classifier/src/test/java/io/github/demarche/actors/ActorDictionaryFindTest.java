package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** How {@link ActorDictionary#find} locates actor names in running text. */
class ActorDictionaryFindTest {
  private final ActorDictionary dict = ActorDictionary.defaults();

  private List<String> ids(String text) {
    return dict.find(text).stream().map(m -> m.actor().id()).toList();
  }

  private List<String> surfaces(String text) {
    return dict.find(text).stream().map(ActorMention::surface).toList();
  }

  @Test
  void findsNamesInTextOrderWithOffsets() {
    String text = "Tehran accused Washington of backing Israel.";
    List<ActorMention> found = dict.find(text);
    assertEquals(List.of("IRN", "USA", "ISR"), ids(text));
    ActorMention first = found.get(0);
    assertEquals(0, first.start());
    assertEquals(6, first.end());
    assertEquals("Washington", text.substring(found.get(1).start(), found.get(1).end()));
  }

  @Test
  void courtsAndTribunalsOfInterstateDisputesAreActors() {
    assertEquals(List.of("pca", "itlos", "icj"), ids("The Permanent Court of Arbitration, the"
        + " International Tribunal for the Law of the Sea and the ICJ"));
  }

  @Test
  void longestMatchWins() {
    assertEquals(List.of("PNG"), ids("Papua New Guinea voted."));
    assertEquals(List.of("un-security-council"), ids("the UN Security Council met"));
    assertEquals(List.of("COD"), ids("the Democratic Republic of the Congo"));
    assertEquals(List.of("SSD", "SDN"), ids("South Sudan and Sudan"));
    assertEquals(List.of("GNB", "GIN"), ids("Guinea-Bissau and Guinea"));
    assertEquals(List.of("osce-minsk-group"), ids("the OSCE Minsk Group said"));
  }

  @Test
  void matchesOnlyWholeWords() {
    assertEquals(List.of("NER", "NGA"), ids("Niger and Nigeria"));
    assertEquals(List.of("IRN"), ids("Iranian officials"));
    assertEquals(List.of("ROU", "RUS"), ids("Romanians said the Russians"));
    assertEquals(List.of(), ids("Romanianism"));
    assertEquals(List.of(), ids("Ukrainianness and Chadwick"));
  }

  @Test
  void isCaseSensitiveForProperNames() {
    assertEquals(List.of("USA"), ids("the US said"));
    assertEquals(List.of(), ids("let us talk about turkey and china plates"));
  }

  @Test
  void possessivesAndHyphenatedDemonymsCount() {
    assertEquals(List.of("IRN"), ids("Iran's nuclear programme"));
    assertEquals(List.of("RUS"), ids("Russia’s defence ministry"));
    assertEquals(List.of("Russia"), surfaces("Russia’s defence ministry"));
    assertEquals(List.of("RUS"), ids("Russian-backed forces"));
  }

  @Test
  void diacriticsAndSpacingAreFolded() {
    assertEquals(List.of("TUR"), ids("Erdogan said"));
    assertEquals(List.of("TUR"), ids("Erdoğan said"));
    assertEquals(List.of("FRA"), ids("the Elysee and"));
    assertEquals(List.of("IRN"), ids("Nasser\u00a0 Kanaani said"));
    assertEquals(List.of("Nasser\u00a0 Kanaani"), surfaces("Nasser\u00a0 Kanaani said"));
  }

  @Test
  void peopleStandForTheActorTheySpeakFor() {
    assertEquals(List.of("RUS", "UKR", "un"), ids("Putin, Zelenskyy and Guterres"));
    assertEquals(List.of("nato", "eu"), ids("Stoltenberg met von der Leyen"));
  }

  @Test
  void ignoredPhrasesHideTheNamesInsideThem() {
    assertEquals(List.of(), ids("in New Mexico and Latin America"));
    assertEquals(List.of(), ids("patrols in the South China Sea"));
    assertEquals(List.of("USA"), ids("the Washington Post reported that Washington"));
  }

  @Test
  void capitalsAndSeatsOfGovernmentAreMetonyms() {
    assertEquals(List.of("RUS", "UKR", "UKR"), ids("Moscow told Kyiv and Kiev"));
    assertEquals(List.of("RUS", "USA", "GBR"), ids("the Kremlin, the Pentagon, Downing Street"));
  }

  @Test
  void oneDictionaryServesManyThreadsAlike() throws Exception {
    List<String> texts = List.of("Tehran accused Washington.", "Lavrov met Blinken in Geneva.",
        "the UN Security Council and NATO", "Erdoğan spoke to the Kremlin.");
    List<List<ActorMention>> expected = texts.stream().map(dict::find).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            int k = i % texts.size();
            if (!dict.find(texts.get(k)).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> run : runs) {
        assertTrue(run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyTextHasNoMentions() {
    assertEquals(List.of(), dict.find(""));
  }
}
