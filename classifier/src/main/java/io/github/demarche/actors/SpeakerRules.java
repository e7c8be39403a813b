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

  /** Role nouns that speak for the name after "for": "the speaker for China". */
  private static final Set<String> SEATS_FOR = Set.of("speaker", "observer");

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
    List<Found> beforePlaces = new ArrayList<>(found.size());
    for (Found f : found) {
      if (!proOrAnti(mention, f.start())) {
        beforePlaces.add(f);
      }
    }
    List<Found> kept = new ArrayList<>(beforePlaces.size());
    for (Found f : beforePlaces) {
      if (!isPlace(mention, f.start())) {
        kept.add(f);
      }
    }
    if (kept.isEmpty()) {
      // "officials in Tehran": where the speaker sits names them when nothing else does
      for (Found f : beforePlaces) {
        if (LOCATION_WORDS.contains(placeWord(mention, f.start()))) {
          kept.add(f);
        }
      }
    }
    if (anyState(kept) && NOT_OFFICIAL.matcher(mention.toLowerCase(Locale.ROOT)).find()) {
      kept.removeIf(f -> f.actor().kind() == ActorKind.STATE);
    }
    boolean namedState = false;
    for (Found f : kept) {
      namedState |= f.kind() != AliasTarget.Kind.METONYM && f.actor().kind() == ActorKind.STATE;
    }
    if (namedState) {
      // a metonym ("the Kremlin") yields to a state named outright, unless it names that state
      List<Found> named = new ArrayList<>(kept.size());
      for (Found f : kept) {
        if (f.kind() != AliasTarget.Kind.METONYM) {
          named.add(f);
        }
      }
      kept.removeIf(f -> f.kind() == AliasTarget.Kind.METONYM && !sameActor(named, f.actor()));
    }
    // A body beats the organisation it belongs to: "President of the European Council Charles
    // Michel" speaks for the European Council, not the EU as a whole.
    List<Found> before = List.copyOf(kept);
    kept.removeIf(f -> {
      for (Found g : before) {
        if (!g.actor().equals(f.actor()) && dict.isAncestor(f.actor(), g.actor())) {
          return true;
        }
      }
      return false;
    });
    List<Actor> distinct = new ArrayList<>(kept.size());
    for (Found f : kept) {
      if (!distinct.contains(f.actor())) {
        distinct.add(f.actor());
      }
    }
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
    Actor state = null;
    for (Actor a : distinct) {
      if (a.kind() == ActorKind.STATE) {
        if (state != null) {
          return Optional.empty();
        }
        state = a;
      }
    }
    return Optional.ofNullable(state);
  }

  /** "pro-Russian", "anti-Western": a name right after "pro-" or "anti-" names no speaker. */
  private static boolean proOrAnti(String mention, int start) {
    int from = Math.max(0, start - 5);
    int dash = mention.lastIndexOf('-', start - 1);
    // without a hyphen in the five characters before, the pattern cannot match
    return dash >= from && PRO_ANTI.matcher(mention.substring(from, start)).find();
  }

  private static boolean anyState(List<Found> found) {
    for (Found f : found) {
      if (f.actor().kind() == ActorKind.STATE) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameActor(List<Found> found, Actor actor) {
    for (Found g : found) {
      if (g.actor().equals(actor)) {
        return true;
      }
    }
    return false;
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
      // "a spokesman for the Azeri Foreign Ministry" speaks for it, and so do a UN meeting
      // record's "speaker for China" and "observer for the State of Palestine"; "envoy for
      // Syria" does not
      String before = mention.substring(previousWordStart(mention, wordStart), wordStart)
          .strip().toLowerCase(Locale.ROOT);
      return !(before.startsWith("spokes") || SEATS_FOR.contains(before));
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
