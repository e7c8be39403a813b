package io.github.demarche.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.demarche.domain.Actor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How {@link ActorDictionary#resolve} picks the actor a speaker speaks for. */
class SpeakerResolutionTest {
  private final ActorDictionary dict = ActorDictionary.defaults();

  private String resolved(String mention) {
    return dict.resolve(mention).map(Actor::id).orElse("");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Iranian Foreign Ministry spokesman Nasser Kanaani|IRN",
    "the Armenian prime minister|ARM",
    "the Azerbaijani foreign ministry|AZE",
    "Tehran|IRN",
    "the UN Security Council|un-security-council",
    "NATO Secretary General Jens Stoltenberg|nato",
    "The EU's High Representative Josep Borrell|eu",
    "Russian Foreign Minister Sergei Lavrov|RUS",
    "the top Iranian diplomat|IRN",
    "Foreign Ministers of the G7|g7",
    "the Kremlin|RUS",
    "The Kremlin|RUS",
    "the White House|USA",
    "the State Department|USA",
    "the Pentagon|USA",
    "Downing Street|GBR",
    "the Foreign Office|GBR",
    "the Quai d'Orsay|FRA",
    "the Elysee|FRA",
    "the Élysée Palace|FRA",
    "Kremlin press secretary Dmitry Peskov|RUS",
    "Pentagon Press secretary John Kirby|USA",
    "the UN Secretary-General Antonio Guterres|un",
    "Iran’s Acting Foreign Minister, Bagheri Kani|IRN",
    "the Islamic Republic of Iran|IRN",
    "the Republic of Azerbaijan|AZE",
    "A spokesman for the Azeri Foreign Ministry, Khazar Ibrahim|AZE",
    "Zelenskyy|UKR",
    "Erdoğan|TUR",
    "Artsakh's Presidential Spokesman Vahram Poghosyan|artsakh",
  })
  void resolvesTheActorASpeakerSpeaksFor(String mention, String id) {
    assertEquals(id, resolved(mention));
  }

  @ParameterizedTest
  @ValueSource(strings = {"he", "the spokesman", "officials", "the two sides", "The President", ""})
  void mentionsWithoutANameResolveToNothing(String mention) {
    assertEquals(Optional.empty(), dict.resolve(mention));
  }

  @Test
  void severalSpeakersAreAmbiguousButAllAreListed() {
    String mention = "the foreign ministers of Armenia and Azerbaijan";
    assertEquals(Optional.empty(), dict.resolve(mention));
    assertEquals(List.of("ARM", "AZE"), dict.resolveAll(mention).stream().map(Actor::id).toList());
    assertEquals("", resolved("The EU and France"));
    assertEquals("", resolved("Baku and Yerevan"));
    assertEquals("", resolved("President Michel and President Macron"));
    assertEquals("", resolved("Britain and other countries"));
    assertEquals("", resolved("many world leaders, as well as NATO"));
    assertEquals("eu", resolved("The European Union and its Member States"));
  }

  @Test
  void anOfficialAtAnOrganisationSpeaksForTheirState() {
    assertEquals("RUS", resolved("the Russian envoy to the UN"));
    assertEquals("DZA", resolved("Algeria's ambassador and representative to the United Nations"));
    assertEquals("RUS", resolved("Russia's ambassador at NATO"));
  }

  @Test
  void aPlaceServedOrATopicIsNotTheSpeaker() {
    assertEquals("un", resolved("the UN envoy to Syria"));
    assertEquals("CHN", resolved("the Chinese Ambassador to India"));
    assertEquals("ETH", resolved("The Ethiopian Embassy in Berlin"));
    assertEquals("", resolved("the special envoy for Syria"));
  }

  @Test
  void aMeetingRecordsSpeakerOrObserverForAStateSpeaksForIt() {
    assertEquals("CHN", resolved("The speaker for China"));
    assertEquals("PSE", resolved("the observer for the State of Palestine"));
    assertEquals("", resolved("the special envoy for Syria"), "an envoy for a place serves it");
  }

  @Test
  void whereASpeakerSitsNamesThemWhenNothingElseDoes() {
    assertEquals("IRN", resolved("Officials in Tehran"));
    assertEquals("ETH", resolved("The Ethiopian Embassy in Berlin"));
    assertEquals("houthis", resolved("The Houthi movement in Yemen"));
    assertEquals("", resolved("the special envoy for Syria"), "a place served is not a seat");
  }

  @Test
  void aBodyBeatsTheOrganisationItBelongsTo() {
    assertEquals("european-council", resolved("President of the European Council Charles Michel"));
    assertEquals("eu", resolved("Charles Michel"));
    assertEquals(Optional.of("eu"),
        dict.byId("european-council").flatMap(dict::parent).map(Actor::id));
  }

  @Test
  void aSeatOfGovernmentYieldsToANamedState() {
    assertEquals("DEU", resolved("the German Foreign Office"));
    assertEquals("", resolved("Washington and Tokyo"));
  }

  @Test
  void peopleWhoDoNotSpeakForTheirStateResolveToNothing() {
    assertEquals("", resolved("Russian political scientist Sergey Karaganov"));
    assertEquals("", resolved("pro-Russian Telegram channel"));
    assertEquals("", resolved("the Turkish opposition"));
    assertEquals("", resolved("India's former ambassador to China"));
    assertEquals("", resolved("Some of Abiy's early supporters"));
  }
}
