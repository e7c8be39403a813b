package io.github.demarche.actors;

import io.github.demarche.data.DataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Role nouns and the CAMEO agent code each adds to the actor it is attached to ("minister" GOV,
 * "army" MIL, "parliament" LEG), converted from the agents dictionary of the CAMEO coders
 * ({@code cameo-agents.tsv}: one lower-case phrase and its code a line). Immutable and thread-safe.
 */
final class RoleNouns {
  static final String RESOURCE = "cameo-agents.tsv";
  /** Agents whose holders speak for their state: government, military, legislature, courts... */
  static final Set<String> OFFICIAL = Set.of("GOV", "MIL", "LEG", "JUD", "COP", "SPY");
  private static final int MAX_WORDS = 6;

  private final Map<String, String> codes;
  /** The first words of the phrases of two or more words: "prime" of "prime minister". */
  private final Set<String> phraseStarts;

  RoleNouns(Map<String, String> codes) {
    this.codes = Map.copyOf(codes);
    java.util.Set<String> starts = new java.util.HashSet<>();
    for (String phrase : codes.keySet()) {
      int space = phrase.indexOf(' ');
      if (space > 0) {
        starts.add(phrase.substring(0, space));
      }
    }
    this.phraseStarts = Set.copyOf(starts);
  }

  private static final class Holder {
    static final RoleNouns DEFAULTS = read();

    private static RoleNouns read() {
      String name = "classpath:io/github/demarche/actors/" + RESOURCE;
      InputStream in = RoleNouns.class.getResourceAsStream(RESOURCE);
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      Map<String, String> codes = new HashMap<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        long n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cells = line.split("\t", -1);
          if (cells.length != 2 || cells[0].isBlank() || !Role.isCode(cells[1])) {
            throw new DataException(name, n, cells.length == 2 ? "code" : null,
                "expected a lower-case phrase, a tab and a CAMEO agent code such as GOV");
          }
          codes.put(String.join(" ", words(cells[0])), cells[1]);
        }
      } catch (IOException e) {
        throw new DataException(name, 0, null, "cannot be read: " + e.getMessage());
      }
      return new RoleNouns(codes);
    }
  }

  static RoleNouns defaults() {
    return Holder.DEFAULTS;
  }

  /** True when the noun or phrase, in any case and singular or plural, is a role noun. */
  boolean isRoleNoun(String noun) {
    return noun != null && code(String.join(" ", words(noun))) != null;
  }

  /** The agent code of a lower-case phrase, also trying it without a plural ending. */
  private String code(String phrase) {
    String c = codes.get(phrase);
    if (c == null && phrase.endsWith("s")) {
      c = codes.get(phrase.substring(0, phrase.length() - 1));
      if (c == null && phrase.endsWith("es")) {
        c = codes.get(phrase.substring(0, phrase.length() - 2));
      }
    }
    return c;
  }

  /**
   * The official agent (GOV, MIL, LEG, JUD, COP, SPY) named by the first role noun of the mention
   * that has one: "Iranian Foreign Ministry spokesman" gives GOV, "the Russian army" MIL. Longer
   * phrases win over the words inside them. Empty when the mention has no official role noun.
   */
  Optional<String> sector(String mention) {
    List<String> words = words(mention);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      int longest = phraseStarts.contains(word) ? Math.min(MAX_WORDS, words.size() - i) : 1;
      for (int n = longest; n >= 1; n--) {
        String c = code(n == 1 ? word : String.join(" ", words.subList(i, i + n)));
        if (c != null) {
          String sector = c.substring(0, 3);
          if (OFFICIAL.contains(sector)) {
            return Optional.of(sector);
          }
          i += n - 1;
          break;
        }
      }
    }
    return Optional.empty();
  }

  /** The lower-case words of a text, possessive endings dropped: "Niger's junta" is niger, junta. */
  private static List<String> words(String text) {
    List<String> out = new ArrayList<>(8);
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        if (i + 1 < n && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019')
            && text.charAt(i + 1) == 's'
            && (i + 2 == n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
          i += 2;
        }
      }
    }
    return out;
  }
}
