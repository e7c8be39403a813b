package io.github.demarche.actors;

import java.time.LocalDate;

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

  public Role {
    if (actorId == null || actorId.isBlank()) {
      throw new IllegalArgumentException("a role needs the id of the actor it speaks for");
    }
    if (cameo == null || !isCode(cameo)) {
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
    // read by hand rather than with a pattern and LocalDate.parse: the bundled dictionary has
    // some 30,000 roles, and loading it is part of every program's start-up
    String s = item.strip();
    int space = s.indexOf(' ');
    int second = space < 0 ? -1 : s.indexOf(' ', space + 1);
    String actor = space < 0 ? s : s.substring(0, space);
    String code = space < 0 ? "" : s.substring(space + 1, second < 0 ? s.length() : second);
    String range = second < 0 ? null : s.substring(second + 1);
    int dots = range == null ? -1 : range.indexOf("..");
    if (actor.isEmpty() || !isCode(code) || range != null && (dots < 0
        || !isDate(range, 0, dots) || !isDate(range, dots + 2, range.length()))) {
      throw new IllegalArgumentException("role '" + s
          + "' is not 'ACTOR CODE' or 'ACTOR CODE FROM..TO' (dates YYYY-MM-DD, either optional)");
    }
    try {
      int from = range == null || dots == 0 ? Integer.MIN_VALUE : epochDay(range, 0);
      int to = range == null || dots + 2 == range.length() ? Integer.MAX_VALUE
          : epochDay(range, dots + 2);
      return new Role(actor, code, from, to);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("role '" + s + "' has an impossible date");
    }
  }

  /** True for a CAMEO code: upper-case letters in groups of three. */
  static boolean isCode(String code) {
    if (code.isEmpty() || code.length() % 3 != 0) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** True when s[from, to) is empty or has the shape YYYY-MM-DD. */
  private static boolean isDate(String s, int from, int to) {
    if (from == to) {
      return true;
    }
    if (to - from != 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (i != from + 4 && i != from + 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The epoch day of YYYY-MM-DD at {@code at} (digits already checked), by hand: LocalDate.of was
   * the largest cost of loading the bundled dictionary in a fresh JVM.
   *
   * @throws java.time.DateTimeException when the month or day does not exist
   */
  private static int epochDay(String s, int at) {
    int y = digits(s, at, 4);
    int m = digits(s, at + 5, 2);
    int d = digits(s, at + 8, 2);
    boolean leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    int[] lengths = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > lengths[m - 1]) {
      throw new java.time.DateTimeException("no such day: " + s.substring(at, at + 10));
    }
    // days from civil (H. Hinnant's algorithm), 1970-01-01 is day 0
    int yy = m <= 2 ? y - 1 : y;
    int era = Math.floorDiv(yy, 400);
    int yoe = yy - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  private static int digits(String s, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
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
