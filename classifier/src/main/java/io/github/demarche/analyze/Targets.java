package io.github.demarche.analyze;

import io.github.demarche.actors.ActorMention;
import io.github.demarche.domain.Speaker;
import io.github.demarche.domain.Statement;
import io.github.demarche.extract.ActorResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A word that aims a stance at the noun phrase after it ("accused", "condemned", "urged",
   * "called on", "against", "by"), then that phrase: an optional "the", capitalised words (with
   * "of", "al-" and the like inside) and an optional collective noun ("Houthi militants", "the
   * Putin regime", "the Wagner Group").
   */
  private static final Pattern AIMED = Pattern.compile(
      "\\b(?:accus\\w*|condemn\\w*|urg\\w*|call\\w* (?:on|upon)|blam\\w*|criticis\\w*|criticiz\\w*"
          + "|denounc\\w*|warn\\w*|sanction\\w*|against|by|from|with)\\s+"
          + "((?:the\\s+)?\\p{Lu}[\\p{L}\\p{M}'\u2019\\-.]*(?:\\s+(?:of\\s+(?:the\\s+)?)?\\p{Lu}"
          + "[\\p{L}\\p{M}'\u2019\\-.]*)*(?:\\s+(?:forces|militants|rebels|regime|government|army"
          + "|troops|authorities|militia|militias|fighters|separatists|group|movement))?)");
  /** Capitalised words that open no party: days, months, pronouns, articles of time. */
  private static final Set<String> NOT_PARTIES = Set.of(
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "He", "She", "It", "They", "We", "I", "This", "That", "These",
      "Those", "The", "Article", "Resolution", "Security", "General");

  /** Actor ids of the parties named in the statement, without duplicates. */
  static List<String> of(Statement statement, ActorResolver actors) {
    return parties(statement, actors).actorIds();
  }

  /** The parties named in the statement: resolved ones as actor ids, the others as mentions. */
  static Parties parties(Statement statement, ActorResolver actors) {
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
    List<ActorMention> found = actors.find(text);
    for (ActorMention m : found) {
      boolean inMention = m.start() < mentionEnd && m.end() > mentionStart;
      if (!inMention && !m.actor().id().equals(own)) {
        ids.add(m.actor().id());
      }
    }
    Set<String> unresolved = new LinkedHashSet<>();
    Matcher m = AIMED.matcher(text);
    while (m.find()) {
      int s = m.start(1);
      int e = m.end(1);
      String phrase = trimmed(m.group(1));
      boolean named = false;
      for (ActorMention a : found) {
        named |= a.start() < e && a.end() > s; // an actor named inside: a resolved target
      }
      boolean inMention = s < mentionEnd && e > mentionStart;
      String first = phrase.startsWith("the ") ? phrase.substring(4) : phrase;
      int space = first.indexOf(' ');
      String head = space < 0 ? first : first.substring(0, space);
      if (!named && !inMention && !phrase.isEmpty() && !NOT_PARTIES.contains(head)
          && (space >= 0 || head.length() > 2)) {
        unresolved.add(phrase);
      }
    }
    return new Parties(new ArrayList<>(ids), new ArrayList<>(unresolved));
  }

  /** A phrase without a full stop or possessive it ends with: "Hamas's" is "Hamas". */
  private static String trimmed(String phrase) {
    String p = phrase.strip();
    while (p.endsWith(".") && !p.matches(".*\\b\\p{Lu}\\.$")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith("'s") || p.endsWith("\u2019s")) {
      p = p.substring(0, p.length() - 2);
    }
    return p;
  }
}
