package io.github.demarche.extract;

import java.util.Locale;
import java.util.Set;

/**
 * The labels of a transcript's questions from the floor ({@link Turns}): "QUESTION:", "Q:",
 * "Reporter:", "Moderator:", and the news outlets foreign-ministry transcripts print for the
 * reporter asking ("AFP:", "Global Times:"). Word lists, all lower case; stateless and
 * thread-safe.
 */
final class Questioners {
  private Questioners() {}

  /** A label opening with one of these words asks: "QUESTION:", "Q:", "Reporter from AFP:". */
  private static final Set<String> ASKING = Set.of(
      "question", "questions", "q", "reporter", "reporters", "journalist", "journalists",
      "correspondent", "moderator", "audience");

  /**
   * News outlets, as foreign-ministry transcripts print the one whose reporter asks ("AFP:",
   * "Global Times:"). A short list of the commonest; an outlet missing from it is read as a
   * speaker only when its label names a person (two capitalised words), so rarely at all.
   */
  private static final Set<String> OUTLETS = Set.of(
      "afp", "ap", "reuters", "bloomberg", "cctv", "cgtn", "xinhua", "tass", "ria novosti",
      "ria", "interfax", "sputnik", "global times", "china daily", "china news service",
      "phoenix tv", "the paper", "cnn", "bbc", "nhk", "kyodo", "kyodo news", "yonhap",
      "al jazeera", "anadolu", "efe", "dpa", "ansa", "the associated press",
      "associated press", "the new york times", "the wall street journal", "the washington post",
      "financial times", "the financial times", "the guardian", "prensa latina", "rt",
      "tv brics", "shenzhen tv", "hubei media group", "dragon tv", "beijing daily",
      "south china morning post", "asahi shimbun", "ntv", "izvestia", "kommersant");

  /** Whether a label, as written, marks a question from the floor. */
  static boolean asks(String label) {
    String lower = label.toLowerCase(Locale.ROOT).strip();
    if (OUTLETS.contains(lower)) {
      return true;
    }
    int space = lower.indexOf(' ');
    String first = space < 0 ? lower : lower.substring(0, space);
    if (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    return ASKING.contains(first);
  }
}
