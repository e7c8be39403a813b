package io.github.demarche.extract;

import io.github.demarche.actors.ActorMention;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small actor resolver for tests: a handful of names, matched case-insensitively at word
 * boundaries, longest first. Immutable and thread-safe.
 */
public final class TestActors implements ActorResolver {
  public static final Actor IRAN = new Actor("IRN", "Iran", ActorKind.STATE);
  public static final Actor AZERBAIJAN = new Actor("AZE", "Azerbaijan", ActorKind.STATE);
  public static final Actor ARMENIA = new Actor("ARM", "Armenia", ActorKind.STATE);
  public static final Actor RUSSIA = new Actor("RUS", "Russia", ActorKind.STATE);
  public static final Actor UKRAINE = new Actor("UKR", "Ukraine", ActorKind.STATE);
  public static final Actor UN = new Actor("un", "United Nations", ActorKind.ORGANISATION);

  private final Map<String, Actor> names = new LinkedHashMap<>();

  public TestActors() {
    // longest names first, so that "UN Security Council" wins over "UN"
    add(UN, "UN Security Council", "United Nations", "UN");
    add(IRAN, "Islamic Republic of Iran", "Iranian", "Tehran", "Iran");
    add(AZERBAIJAN, "Republic of Azerbaijan", "Azerbaijani", "Baku", "Azerbaijan");
    add(ARMENIA, "Armenian", "Yerevan", "Armenia");
    add(RUSSIA, "Russian", "Moscow", "Russia", "Kremlin");
    add(UKRAINE, "Ukrainian", "Kyiv", "Ukraine");
  }

  private void add(Actor actor, String... surfaces) {
    for (String s : surfaces) {
      names.put(s.toLowerCase(Locale.ROOT), actor);
    }
  }

  private static boolean partOfWord(char c) {
    return Character.isLetterOrDigit(c) || c == '-';
  }

  @Override
  public Optional<Actor> resolve(String speakerMention) {
    List<ActorMention> found = find(speakerMention);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).actor());
  }

  @Override
  public List<ActorMention> find(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<ActorMention> out = new ArrayList<>();
    int i = 0;
    while (i < lower.length()) {
      ActorMention best = null;
      if (i == 0 || !partOfWord(lower.charAt(i - 1))) {
        for (Map.Entry<String, Actor> e : names.entrySet()) {
          String name = e.getKey();
          int end = i + name.length();
          if (lower.startsWith(name, i)
              && (end == lower.length() || !partOfWord(lower.charAt(end)))
              && (best == null || name.length() > best.end() - best.start())) {
            best = new ActorMention(i, end, text.substring(i, end), e.getValue());
          }
        }
      }
      if (best != null) {
        out.add(best);
        i = best.end();
      } else {
        i++;
      }
    }
    return out;
  }
}
