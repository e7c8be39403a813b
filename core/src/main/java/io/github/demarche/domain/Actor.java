package io.github.demarche.domain;

import java.util.regex.Pattern;

/**
 * A party that can take a position: a state, an organisation, a person. Immutable and
 * thread-safe.
 *
 * @param id stable identifier: ISO 3166-1 alpha-3 (upper case) for states, a lower-case slug
 *     ({@code [a-z0-9-]+}) for everything else
 * @param name display name, e.g. "Azerbaijan"
 * @param kind what sort of actor this is
 */
public record Actor(String id, String name, ActorKind kind) {
  private static final Pattern ISO_ALPHA3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Actor {
    Checks.notBlank(id, "actor id");
    Checks.notBlank(name, "actor name");
    Checks.notNull(kind, "actor kind");
    if (kind == ActorKind.STATE && !ISO_ALPHA3.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "actor id '" + id + "' of a state must be an ISO 3166-1 alpha-3 code such as AZE");
    }
    if (kind != ActorKind.STATE && !SLUG.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "actor id '" + id + "' must be a lower-case slug such as un-security-council");
    }
  }
}
