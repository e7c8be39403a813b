package io.github.demarche.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A party that can take a position: a state, an organisation, a person. Immutable and
 * thread-safe.
 *
 * <p>The CAMEO code says, in the event-data field's own vocabulary, in which capacity the actor
 * is named where it was found: {@code IRN} for Iran, {@code IRNGOV} for its government,
 * {@code USAMIL} for the US military, {@code IGOUNO} for the United Nations. It does not take
 * part in equality: two actors with the same id, name and kind are the same actor whatever
 * capacity each was named in.
 *
 * @param id stable identifier: ISO 3166-1 alpha-3 (upper case) for states, a lower-case slug
 *     ({@code [a-z0-9-]+}) for everything else
 * @param name display name, e.g. "Azerbaijan"
 * @param kind what sort of actor this is
 * @param cameo the CAMEO actor code (upper-case letters, in groups of three), or null when unknown
 */
public record Actor(String id, String name, ActorKind kind, String cameo) {

  public Actor {
    Checks.notBlank(id, "actor id");
    Checks.notBlank(name, "actor name");
    Checks.notNull(kind, "actor kind");
    // checked by hand, not with patterns: dictionaries build tens of thousands of actors at start-up
    if (kind == ActorKind.STATE && !(id.length() == 3 && upperCase(id))) {
      throw new IllegalArgumentException(
          "actor id '" + id + "' of a state must be an ISO 3166-1 alpha-3 code such as AZE");
    }
    if (kind != ActorKind.STATE && !isSlug(id)) {
      throw new IllegalArgumentException(
          "actor id '" + id + "' must be a lower-case slug such as un-security-council");
    }
    if (cameo != null && !(cameo.length() % 3 == 0 && !cameo.isEmpty() && upperCase(cameo))) {
      throw new IllegalArgumentException("CAMEO code '" + cameo + "' of actor '" + id
          + "' must be upper-case letters in groups of three, such as IRNGOV");
    }
  }

  private static boolean upperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** [a-z0-9]+(-[a-z0-9]+)*: lower-case letters and digits, single hyphens between them. */
  private static boolean isSlug(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean hyphen = c == '-' && i > 0 && i < s.length() - 1 && s.charAt(i - 1) != '-';
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || hyphen)) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** An actor whose CAMEO code is not known. */
  public Actor(String id, String name, ActorKind kind) {
    this(id, name, kind, null);
  }

  /** The CAMEO code, if known. */
  public Optional<String> cameoIfKnown() {
    return Optional.ofNullable(cameo);
  }

  /** This actor named in another capacity: the same actor with the given CAMEO code. */
  public Actor withCameo(String code) {
    return Objects.equals(code, cameo) ? this : new Actor(id, name, kind, code);
  }

  /** Equal when id, name and kind are: the CAMEO code is left out (see the class comment). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Actor a && a.id.equals(id) && a.name.equals(name) && a.kind == kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, kind);
  }
}
