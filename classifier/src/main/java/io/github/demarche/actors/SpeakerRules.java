package io.github.demarche.actors;

import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that turn the actor names found in a speaker mention into the one actor the speaker
 * speaks for, or nothing when the mention is ambiguous. The rules are listed in
 * {@code docs/actors.md}. Stateless and thread-safe.
 */
final class SpeakerRules {

  /** A name found in the mention, with the actor it stands for after people are lifted. */
  record Found(int start, int end, Actor actor, AliasTarget.Kind kind) {}

  /** Words before a name that make it a place served or a topic: "envoy to the UN". */
  private static final Set<String> PLACE_WORDS = Set.of(
      "to", "for", "at", "in", "on", "toward", "towards", "against", "into", "about", "over",
      "near", "inside", "within", "across");

  /** People who are named by nationality but do not speak for their state. */
  private static final Pattern NOT_OFFICIAL = Pattern.compile(
      "\\b(opposition|former|ex|analysts?|experts?|scholars?|professors?|researchers?"
          + "|scientists?|journalists?|media|newspapers?|lecturers?|activists?|protesters?"
          + "|demonstrators?|residents?|civilians?|citizens?|militias?|rebels?|separatists?"
          + "|insurgents?|dissidents?|exiles?|supporters?|critics?|think[- ]tank)\\b");

  /** What stands between two names when the mention lists several speakers. */
  private static final Pattern COORDINATION = Pattern.compile(
      "\\band\\b|\\bor\\b|\\bas well as\\b|\\bplus\\b|\\bwith\\b|[,;&/…]|\\.\\.");

  /** A list item that looks like a person: "President Michel", "the Prime Minister". */
  private static final Pattern PERSON_ITEM = Pattern.compile(
      "\\s*(?:(?:the\\s+)?(?:President|Prime|Minister|Secretary|Chancellor|King|Queen|Emir"
          + "|Sheikh|Crown|Foreign|Ambassador|Premier|Vice|Mr|Mrs|Ms|Dr)\\b"
          + "|\\p{Lu}\\p{L}+\\s+\\p{Lu}\\p{L}+)");

  /** "Britain and other countries", "many world leaders, as well as NATO": an open group. */
  private static final Pattern OPEN_GROUP = Pattern.compile(
      "(?i)\\b(?:other|many|several|numerous|various|most|majority|international community"
          + "|world leaders)\\b");

  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\band\\b|,");
  private static final Pattern AND = Pattern.compile("\\band\\b");
  /** "and" before a capitalised word, which may start another speaker's name. */
  private static final Pattern AND_NAME = Pattern.compile("\\band\\s+\\p{Lu}");

  private static final Pattern PRO_ANTI = Pattern.compile("(?i)\\b(pro|anti)-$");

  private SpeakerRules() {}

  static Optional<Actor> resolve(String mention, List<Found> found, ActorDictionary dict) {
    if (found.isEmpty()) {
      return Optional.empty(); // no name, nothing for the rules to choose from
    }
    List<Found> kept = new ArrayList<>(found);
    kept.removeIf(f -> PRO_ANTI.matcher(mention.substring(Math.max(0, f.start() - 5), f.start()))
        .find());
    List<Found> beforePlaces = List.copyOf(kept);
    kept.removeIf(f -> isPlace(mention, f.start()));
    if (kept.isEmpty()) {
      // "officials in Tehran": where the speaker sits names them when nothing else does
      for (Found f : beforePlaces) {
        if (LOCATION_WORDS.contains(placeWord(mention, f.start()))) {
          kept.add(f);
        }
      }
    }
    if (NOT_OFFICIAL.matcher(mention.toLowerCase(Locale.ROOT)).find()) {
      kept.removeIf(f -> f.actor().kind() == ActorKind.STATE);
    }
    List<Found> named = kept.stream().filter(f -> f.kind() != AliasTarget.Kind.METONYM).toList();
    if (named.stream().anyMatch(f -> f.actor().kind() == ActorKind.STATE)) {
      kept.removeIf(f -> f.kind() == AliasTarget.Kind.METONYM
          && named.stream().noneMatch(g -> g.actor().equals(f.actor())));
    }
    // A body beats the organisation it belongs to: "President of the European Council Charles
    // Michel" speaks for the European Council, not the EU as a whole.
    List<Found> before = List.copyOf(kept);
    kept.removeIf(f -> before.stream().anyMatch(
        g -> !g.actor().equals(f.actor()) && dict.isAncestor(f.actor(), g.actor())));
    List<Actor> distinct = kept.stream().map(Found::actor).distinct().toList();
    if (!distinct.isEmpty() && namesAnotherPerson(mention, found)) {
      return Optional.empty();
    }
    if (distinct.size() == 1) {
      return Optional.of(distinct.get(0));
    }
    if (distinct.isEmpty() || listsSeveral(mention, kept)) {
      return Optional.empty();
    }
    // An official is an official of a state: "the Russian envoy to the UN" speaks for Russia.
    List<Actor> states = distinct.stream().filter(a -> a.kind() == ActorKind.STATE).toList();
    return states.size() == 1 ? Optional.of(states.get(0)) : Optional.empty();
  }

  /** Place words that say where a speaker sits, rather than whom an envoy is sent to. */
  private static final Set<String> LOCATION_WORDS = Set.of("in", "at", "inside", "within");

  /** The lower-case word before a name, skipping "the": "in" for "in the Kremlin". */
  private static String placeWord(String mention, int start) {
    int wordStart = previousWordStart(mention, start);
    String word = mention.substring(wordStart, start).strip();
    if (word.equalsIgnoreCase("the")) {
      word = mention.substring(previousWordStart(mention, wordStart), wordStart).strip();
    }
    return word.toLowerCase(Locale.ROOT);
  }

  private static boolean isPlace(String mention, int start) {
    int wordStart = previousWordStart(mention, start);
    String word = mention.substring(wordStart, start).strip();
    if (word.equalsIgnoreCase("the")) {
      int before = previousWordStart(mention, wordStart);
      word = mention.substring(before, wordStart).strip();
      wordStart = before;
    }
    word = word.toLowerCase(Locale.ROOT);
    if (word.equals("for")) {
      // "a spokesman for the Azeri Foreign Ministry" speaks for it; "envoy for Syria" does not
      String before = mention.substring(previousWordStart(mention, wordStart), wordStart);
      return !before.strip().toLowerCase(Locale.ROOT).startsWith("spokes");
    }
    return PLACE_WORDS.contains(word);
  }

  /**
   * True when the mention lists speakers beyond the names found: an open group joined by "and" or
   * a comma ("Britain and other countries"), or, with "and", an item that looks like a person but
   * names no actor ("President Michel and President Macron").
   */
  private static boolean namesAnotherPerson(String mention, List<Found> found) {
    boolean and = mention.contains("and") && AND.matcher(mention).find();
    if (!and && !mention.contains(",")) {
      return false;
    }
    if (OPEN_GROUP.matcher(mention).find()) {
      return true;
    }
    if (!and || !AND_NAME.matcher(mention).find()) {
      // "ambassador and representative to the UN, Amar Bendaoud": "and" joins two titles
      return false;
    }
    Matcher sep = LIST_SEPARATOR.matcher(mention);
    int itemStart = 0;
    while (itemStart <= mention.length()) {
      int itemEnd = sep.find() ? sep.start() : mention.length();
      int from = itemStart;
      boolean named = found.stream().anyMatch(f -> f.start() < itemEnd && f.end() > from);
      Matcher person = PERSON_ITEM.matcher(mention).region(itemStart, itemEnd);
      if (!named && person.lookingAt()) {
        return true;
      }
      if (itemEnd == mention.length()) {
        break;
      }
      itemStart = sep.end();
    }
    return false;
  }

  /** Where the word before {@code before} starts (skipping white space); letters only. */
  private static int previousWordStart(String s, int before) {
    int i = before;
    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    while (i > 0 && Character.isLetter(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean listsSeveral(String mention, List<Found> kept) {
    for (int i = 1; i < kept.size(); i++) {
      Found a = kept.get(i - 1);
      Found b = kept.get(i);
      if (!a.actor().equals(b.actor())
          && a.end() <= b.start()
          && COORDINATION.matcher(mention.substring(a.end(), b.start())).find()) {
        return true;
      }
    }
    return false;
  }
}
