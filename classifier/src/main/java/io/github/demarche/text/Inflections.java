package io.github.demarche.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The regular inflections of an English verb ("accuse": accuses, accused, accusing), as the
 * PETRARCH coders generate them; shared by the speech-cue lexicon and the CAMEO verb features.
 * Stateless and thread-safe.
 */
public final class Inflections {
  private Inflections() {}

  /** The lower-case verb {@code base} and its -s, -ed and -ing forms, the base first. */
  public static List<String> regular(String base) {
    List<String> out = new ArrayList<>(4);
    out.add(base);
    int n = base.length();
    if (base.endsWith("e")) {
      out.add(base + "s");
      out.add(base + "d");
      out.add(base.substring(0, n - 1) + "ing");
    } else if (base.endsWith("y") && n > 2 && "aeiou".indexOf(base.charAt(n - 2)) < 0) {
      String stem = base.substring(0, n - 1);
      out.add(stem + "ies");
      out.add(stem + "ied");
      out.add(base + "ing");
    } else if (base.endsWith("s") || base.endsWith("sh") || base.endsWith("ch")
        || base.endsWith("x") || base.endsWith("z")) {
      out.add(base + "es");
      out.add(base + "ed");
      out.add(base + "ing");
    } else {
      out.add(base + "s");
      out.add(base + "ed");
      out.add(base + "ing");
    }
    return out;
  }
}
