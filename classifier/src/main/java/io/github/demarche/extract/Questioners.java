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

  /**
   * A label opening or ending with one of these words asks: "QUESTION:", "Q:", "Reporter from
   * AFP:", "Reuters correspondent:".
   */
  private static final Set<String> ASKING = Set.of(
      "question", "questions", "q", "reporter", "reporters", "journalist", "journalists",
      "correspondent", "moderator", "audience");

  /**
   * News outlets, as foreign-ministry transcripts print the one whose reporter asks ("AFP:",
   * "CCTV:"), those whose name ends with none of the {@link #OUTLET_NOUNS}. A short list of the
   * commonest; an outlet missing from it is read as a speaker when its label looks like a
   * person's name (two capitalised words).
   */
  private static final Set<String> OUTLETS = Set.of(
      "afp", "ap", "associated press", "the associated press", "reuters", "bloomberg", "cctv",
      "cgtn", "xinhua", "tass", "ria", "ria novosti", "interfax", "sputnik", "rt", "tv brics",
      "china news service", "the paper", "hubei media group", "cnn", "bbc", "nhk", "kyodo",
      "yonhap", "al jazeera", "anadolu", "efe", "dpa", "ansa", "the guardian", "prensa latina",
      "ntv", "izvestia", "kommersant");

  /**
   * The last word of an outlet's name that no list holds: "Xinhua News Agency", "Beijing Youth
   * Daily", "Phoenix Television". A person's label never ends so.
   */
  private static final Set<String> OUTLET_NOUNS = Set.of(
      "news", "agency", "tv", "television", "radio", "times", "daily", "post", "journal",
      "newspaper", "magazine", "broadcasting", "network", "channel", "herald", "tribune",
      "gazette", "shimbun");

  /** Whether a label, as written, marks a question from the floor. */
  static boolean asks(String label) {
    String lower = label.toLowerCase(Locale.ROOT).strip();
    if (OUTLETS.contains(lower)) {
      return true;
    }
    int space = lower.indexOf(' ');
    String first = withoutFullStop(space < 0 ? lower : lower.substring(0, space));
    String last = withoutFullStop(lower.substring(lower.lastIndexOf(' ') + 1));
    return ASKING.contains(first) || ASKING.contains(last) || OUTLET_NOUNS.contains(last);
  }

  private static String withoutFullStop(String word) {
    return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
  }
}
