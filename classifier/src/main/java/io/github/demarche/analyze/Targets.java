package io.github.demarche.analyze;

import io.github.demarche.actors.ActorMention;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parties a statement is about: every actor its text names, in text order, except the
 * speaker's own actor and the words of the speaker's mention; and, apart, the parties it aims a
 * stance at that resolve to no actor ("accused the Wagner Group of", "condemned attacks by Houthi
 * militants"), as written. Deliberately simple: it does not tell the accused from the accuser
 * beyond leaving out the speaker. Stateless and thread-safe.
 */
final class Targets {
  private Targets() {}

  /** The parties of one statement: actor ids, and mentions that name no actor. */
  record Parties(List<String> actorIds, List<String> unresolved) {}

  /** Stems of verbs that aim a stance: "accused", "condemns", "urging", "criticised". */
  private static final String[] AIMING_STEMS = {
    "accus", "condemn", "urg", "blam", "criticis", "criticiz", "denounc", "warn", "sanction"
  };
  /** Collective nouns that may end a party's name: "Houthi militants", "the Putin regime". */
  private static final Set<String> COLLECTIVE = Set.of(
      "forces", "militants", "rebels", "regime", "government", "army", "troops", "authorities",
      "militia", "militias", "fighters", "separatists", "group", "movement");

  /** Capitalised words that open no party: days, months, pronouns, articles of time. */
  private static final Set<String> NOT_PARTIES = Set.of(
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "He", "She", "It", "They", "We", "I", "This", "That", "These",
      "Those", "The", "Article", "Resolution", "Security", "General");

  /**
   * The parties named in the statement: resolved ones as actor ids, the others as mentions.
   *
   * @param found the actor mentions of the statement's text, offsets into it
   */
  static Parties parties(Statement statement, List<ActorMention> found) {
    Speaker speaker = statement.speaker();
    String text = statement.text();
    String own = speaker != null && speaker.actor() != null ? speaker.actor().id() : null;
    int mentionStart = -1;
    int mentionEnd = -1;
    if (speaker != null) {
      mentionStart = text.indexOf(speaker.mention());
      mentionEnd = mentionStart < 0 ? -1 : mentionStart + speaker.mention().length();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (ActorMention m : found) {
      boolean inMention = m.start() < mentionEnd && m.end() > mentionStart;
      if (!inMention && !m.actor().id().equals(own)) {
        ids.add(m.actor().id());
      }
    }
    Set<String> unresolved = new LinkedHashSet<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int s = wordStart(text, i);
      if (s >= n) {
        break;
      }
      int e = wordEnd(text, s);
      i = e;
      if (!aims(text, s, e)) {
        continue;
      }
      int[] phrase = phraseAfter(text, e);
      if (phrase == null) {
        continue;
      }
      boolean named = false;
      for (ActorMention a : found) {
        named |= a.start() < phrase[1] && a.end() > phrase[0]; // a resolved target
      }
      boolean inMention = phrase[0] < mentionEnd && phrase[1] > mentionStart;
      String written = text.substring(phrase[0], phrase[1]);
      if (!named && !inMention) {
        unresolved.add(written);
      }
    }
    return new Parties(new ArrayList<>(ids), new ArrayList<>(unresolved));
  }

  /** Whether the word text[s, e) aims a stance at what follows: "accused", "against", "called on". */
  private static boolean aims(String text, int s, int e) {
    int len = e - s;
    if (len < 2 || "abcdfosuwABCDFOSUW".indexOf(text.charAt(s)) < 0) {
      return false; // most words: no cue starts with their letter
    }
    if (len <= 4 && (region(text, s, e, "on") || region(text, s, e, "upon"))) {
      return calledBefore(text, s); // "called on X to"
    }
    if (region(text, s, e, "against") || region(text, s, e, "by") || region(text, s, e, "from")
        || region(text, s, e, "with")) {
      return true;
    }
    for (String stem : AIMING_STEMS) {
      if (len >= stem.length() && text.regionMatches(true, s, stem, 0, stem.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean region(String text, int s, int e, String word) {
    return e - s == word.length() && text.regionMatches(true, s, word, 0, word.length());
  }

  /** Whether the word before {@code s} is "call", "calls", "called" or "calling". */
  private static boolean calledBefore(String text, int s) {
    int pe = s;
    while (pe > 0 && text.charAt(pe - 1) == ' ') {
      pe--;
    }
    int ps = pe;
    while (ps > 0 && Character.isLetter(text.charAt(ps - 1))) {
      ps--;
    }
    return region(text, ps, pe, "call") || region(text, ps, pe, "calls")
        || region(text, ps, pe, "called") || region(text, ps, pe, "calling");
  }

  /**
   * The party's name after {@code at}: an optional "the", capitalised words (with "of" and "of
   * the" inside), an optional collective noun; null when no capitalised word opens it, or it is
   * a day, a month, a pronoun or a lone short word. A possessive ending is left out.
   */
  private static int[] phraseAfter(String text, int at) {
    int s = wordStart(text, at);
    if (s >= text.length() || s - at > 2) {
      return null; // not the next word
    }
    int start = s;
    int e = wordEnd(text, s);
    if (text.startsWith("the", s) && e - s == 3) {
      s = wordStart(text, e);
      if (s - e > 2 || s >= text.length()) {
        return null;
      }
      e = wordEnd(text, s);
    }
    if (!Character.isUpperCase(text.charAt(s)) || NOT_PARTIES.contains(text.substring(s, e))) {
      return null;
    }
    int words = 1;
    int end = e;
    while (true) {
      int next = wordStart(text, end);
      if (next - end != 1 || next >= text.length()) {
        break;
      }
      int nextEnd = wordEnd(text, next);
      String w = text.substring(next, nextEnd);
      if (Character.isUpperCase(w.charAt(0)) && !w.equals("The")) {
        end = nextEnd;
        words++;
      } else if (w.equals("of")) {
        int after = wordStart(text, nextEnd);
        int afterEnd = after < text.length() ? wordEnd(text, after) : after;
        if (after < text.length() && text.startsWith("the", after) && afterEnd - after == 3) {
          after = wordStart(text, afterEnd);
          afterEnd = after < text.length() ? wordEnd(text, after) : after;
        }
        if (after >= text.length() || !Character.isUpperCase(text.charAt(after))) {
          break;
        }
        end = afterEnd;
        words++;
      } else {
        if (COLLECTIVE.contains(w)) {
          end = nextEnd;
          words++;
        }
        break;
      }
    }
    if (text.startsWith("'s", end - 2) || text.startsWith("\u2019s", end - 2)) {
      end -= 2;
    }
    return words == 1 && end - s <= 2 ? null : new int[] {start, end};
  }

  /** The first letter at or after {@code i}, or the text's length. */
  private static int wordStart(String text, int i) {
    while (i < text.length() && !Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the word starting at {@code s}: letters, marks, hyphens and apostrophes. */
  private static int wordEnd(String text, int s) {
    int e = s;
    while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-'
        || text.charAt(e) == '\'' || text.charAt(e) == '\u2019'
        || Character.getType(text.charAt(e)) == Character.NON_SPACING_MARK)) {
      e++;
    }
    return e;
  }
}
