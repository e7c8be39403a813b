package io.github.demarche.actors;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One role a person or body holds: the actor it speaks for in that role, the role's CAMEO code and
 * the days it was held (both ends inclusive, either may be open). "John Kerry" holds
 * {@code USA USAGOV 2013-02-01..2017-01-20}. Immutable and thread-safe.
 *
 * @param actorId the id of the actor the role speaks for
 * @param cameo the role's CAMEO code, e.g. USAGOV
 * @param from first day, as an epoch day, or {@link Integer#MIN_VALUE} when open
 * @param to last day, as an epoch day, or {@link Integer#MAX_VALUE} when open
 */
public record Role(String actorId, String cameo, int from, int to) {
  static final Pattern CAMEO = Pattern.compile("(?:[A-Z]{3})+");
  private static final Pattern ITEM = Pattern.compile(
      "(\\S+)\\s+(\\S+)(?:\\s+(\\d{4}-\\d{2}-\\d{2})?\\.\\.(\\d{4}-\\d{2}-\\d{2})?)?");

  public Role {
    if (actorId == null || actorId.isBlank()) {
      throw new IllegalArgumentException("a role needs the id of the actor it speaks for");
    }
    if (cameo == null || !CAMEO.matcher(cameo).matches()) {
      throw new IllegalArgumentException(
          "CAMEO code '" + cameo + "' must be upper-case letters in groups of three");
    }
    if (from > to) {
      throw new IllegalArgumentException("role " + cameo + " ends before it starts");
    }
  }

  /** True when the role was held on the given day (any day when {@code day} is null). */
  public boolean heldOn(LocalDate day) {
    if (day == null) {
      return true;
    }
    long d = day.toEpochDay();
    return d >= from && d <= to;
  }

  /** The first day, or null when open. */
  public LocalDate fromDate() {
    return from == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(from);
  }

  /** The last day, or null when open. */
  public LocalDate toDate() {
    return to == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(to);
  }

  /** A role between two days; a null day leaves that end open. */
  public static Role of(String actorId, String cameo, LocalDate from, LocalDate to) {
    return new Role(actorId, cameo,
        from == null ? Integer.MIN_VALUE : Math.toIntExact(from.toEpochDay()),
        to == null ? Integer.MAX_VALUE : Math.toIntExact(to.toEpochDay()));
  }

  /**
   * Parses the dictionary form {@code ACTOR CODE [FROM..TO]}, e.g. {@code USA USAGOV
   * 2013-02-01..2017-01-20}, {@code un IGOUNO 2007-01-01..}, {@code RUS RUSGOV}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static Role parse(String item) {
    Matcher m = ITEM.matcher(item.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("role '" + item.strip()
          + "' is not 'ACTOR CODE' or 'ACTOR CODE FROM..TO' (dates YYYY-MM-DD, either optional)");
    }
    try {
      return of(m.group(1), m.group(2), date(m.group(3)), date(m.group(4)));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("role '" + item.strip() + "' has an impossible date");
    }
  }

  private static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  /** The dictionary form, as {@link #parse} reads it. */
  String format() {
    LocalDate f = fromDate();
    LocalDate t = toDate();
    String range = f == null && t == null ? ""
        : " " + (f == null ? "" : f.toString()) + ".." + (t == null ? "" : t.toString());
    return actorId + " " + cameo + range;
  }
}
