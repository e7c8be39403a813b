package io.github.demarche.extract;

import io.github.demarche.actors.ActorMention;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The state a document presents as its own when nothing names its issuer: a readout of "The Prime
 * Minister" that never says which one may still tell whose side it is written from, by the help it
 * credits to one state as the speaker's ("thanked the Prime Minister for the UK's ongoing military
 * support", "reiterated offers of practical UK support", "stressed the UK's commitment to ...").
 * The host is the one state so named, at least twice; none when no state or several are, when
 * the only one is the state of another official the text names ("Ukrainian President Zelenskyy",
 * "Israel's Prime Minister"), the other party of the call, or when it is blamed ("condemned
 * Russia's support for the separatists" credits Russia with nothing of the writer's). Stateless
 * and thread-safe.
 */
final class ReadoutHost {
  private ReadoutHost() {}

  /** Nouns of what a side gives or holds to, which a readout credits to its own state. */
  private static final Set<String> OWN_NOUNS = Set.of(
      "support", "commitment", "commitments", "assistance", "aid", "backing", "contribution",
      "contributions", "solidarity", "readiness", "pledge", "pledges", "concern");
  /** How often the text must credit its own state: once may be a party blamed or praised. */
  private static final int MIN_MARKS = 2;
  /** Words before a state's support that make it blamed, not the writer's own. */
  private static final Set<String> BLAME = Set.of(
      "condemned", "condemns", "condemn", "denounced", "denounces", "criticised", "criticized",
      "criticises", "criticizes", "accused", "accuses", "against", "over", "rejected", "rejects",
      "decried", "deplored", "deplores", "opposed", "opposes");
  /** How many characters before a mention a word of blame may stand: "condemned the". */
  private static final int BLAME_REACH = 20;

  /** How many lower-case words (adjectives) may stand between "the UK's" and its noun. */
  private static final int MAX_ADJECTIVES = 3;

  /**
   * How much of a document is read for its host: a readout or press release says whose it is in
   * its first few paragraphs, and a long article is not read twice.
   */
  static final int HEAD = 5000;

  /**
   * The host state of a document, or null.
   *
   * @param text the document
   * @param mentions the actor mentions of the text (or of its first {@value #HEAD} characters),
   *     in text order
   */
  static Actor of(String text, List<ActorMention> mentions) {
    Map<String, Actor> marked = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Set<String> others = new HashSet<>();
    for (ActorMention m : mentions) {
      Actor a = m.actor();
      if (a.kind() != ActorKind.STATE) {
        continue;
      }
      int at = m.end();
      boolean possessive = text.startsWith("'s", at) || text.startsWith("\u2019s", at);
      if (possessive) {
        at += 2;
      }
      if (namesAnOfficial(text, at)) {
        others.add(a.id()); // "Ukrainian President Zelenskyy", "Israel's Prime Minister"
        continue;
      }
      if (credited(text, at, possessive) && !blamed(text, m.start())) {
        marked.putIfAbsent(a.id(), a);
        counts.merge(a.id(), 1, Integer::sum);
      }
    }
    marked.keySet().removeAll(others);
    if (marked.size() != 1) {
      return null;
    }
    Actor host = marked.values().iterator().next();
    return counts.get(host.id()) >= MIN_MARKS ? host : null;
  }

  /**
   * Whether the words from {@code at} are a noun of {@link #OWN_NOUNS}: right away ("UK support"),
   * or after up to three lower-case words when a possessive came before ("the UK's unwavering
   * support").
   */
  private static boolean credited(String text, int at, boolean possessive) {
    int i = at;
    for (int w = 0; w <= (possessive ? MAX_ADJECTIVES : 0); w++) {
      String word = wordAt(text, i);
      if (word == null) {
        return false;
      }
      if (OWN_NOUNS.contains(word)) {
        return true;
      }
      if (!Character.isLowerCase(word.charAt(0))) {
        return false;
      }
      i = skipWord(text, i);
    }
    return false;
  }

  /**
   * Whether an official's title follows {@code at}, after at most two modifiers: "President",
   * "Prime Minister", "Deputy Foreign Minister".
   */
  private static boolean namesAnOfficial(String text, int at) {
    int i = at;
    for (int w = 0; w < 3; w++) {
      String word = wordAt(text, i);
      if (word == null) {
        return false;
      }
      String lower = word.toLowerCase(Locale.ROOT);
      if (SpeechCues.PERSON_ROLES.contains(lower)) {
        return true;
      }
      if (!SpeechCues.MODIFIERS.contains(lower)) {
        return false;
      }
      i = skipWord(text, i);
    }
    return false;
  }

  /** Whether a word of blame stands just before the mention at {@code start}. */
  private static boolean blamed(String text, int start) {
    int from = Math.max(0, start - BLAME_REACH);
    int i = from;
    while (i < start) {
      while (i < start && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int e = i;
      while (e < start && Character.isLetter(text.charAt(e))) {
        e++;
      }
      if (e > i && BLAME.contains(text.substring(i, e).toLowerCase(Locale.ROOT))) {
        return true;
      }
      i = e;
    }
    return false;
  }

  /** The word that starts after one space at {@code at}, or null when none does. */
  private static String wordAt(String text, int at) {
    if (at >= text.length() || text.charAt(at) != ' ') {
      return null;
    }
    int s = at + 1;
    int e = s;
    while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
      e++;
    }
    return e == s ? null : text.substring(s, e);
  }

  private static int skipWord(String text, int at) {
    int e = at + 1;
    while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
      e++;
    }
    return e;
  }
}
