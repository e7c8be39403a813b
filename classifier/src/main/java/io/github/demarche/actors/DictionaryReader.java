package io.github.demarche.actors;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the tab-separated dictionary format described in {@code docs/actors.md} and reports the
 * first malformed line with its file, line and column. A long file's lines are parsed in a few
 * chunks at once (each line checked by itself), then added in order, so that what lines share is
 * checked as if read one by one. Not thread-safe: one reader per file.
 */
final class DictionaryReader {
  static final String[] COLUMNS = {
    "id", "kind", "name", "parent", "aliases", "demonyms", "metonyms", "publishers", "cameo",
    "roles"
  };
  /** The number of columns every header has; the later ones are optional. */
  static final int REQUIRED_COLUMNS = 7;
  /** The header of a file without the optional last column. */
  static final String HEADER = String.join("\t", java.util.Arrays.copyOf(COLUMNS, 7));
  /** The header of a file with every optional column. */
  static final String FULL_HEADER = String.join("\t", COLUMNS);
  /** A web domain such as "gov.uk" or "mfa.gov.ir": lower-case labels joined by dots. */
  private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
      "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final String IGNORE = "ignore";

  private final String file;
  private Map<String, Actor> actors = new LinkedHashMap<>();
  private final Map<String, String> parents = new LinkedHashMap<>();
  private Map<String, AliasTarget> aliases = new LinkedHashMap<>();
  /** Where each ignored phrase was listed; an actor's aliases are on its own row (idLines). */
  private final Map<String, Long> ignoredLines = new HashMap<>();
  private Map<String, Long> idLines = new HashMap<>();
  private final Map<String, String> publishers = new LinkedHashMap<>();
  private final Map<String, Long> publisherLines = new HashMap<>();
  private final Map<String, List<Role>> roles = new LinkedHashMap<>();
  private int columns = 7;
  private long lineNo;

  private DictionaryReader(String file) {
    this.file = file;
  }

  /** The parsed contents of one dictionary file. */
  record Contents(Map<String, Actor> actors, Map<String, String> parents,
      Map<String, AliasTarget> aliases, Map<String, String> publishers,
      Map<String, java.util.List<Role>> roles) {}

  /**
   * @param file the file name to show in error messages
   * @throws DataException naming the file, line and column of the first problem
   */
  static Contents read(Reader in, String file) {
    DictionaryReader r = new DictionaryReader(file);
    List<String> lines = new ArrayList<>();
    try (BufferedReader br = new BufferedReader(in, 1 << 16)) {
      String line;
      while ((line = br.readLine()) != null) {
        lines.add(line);
      }
    } catch (CharacterCodingException e) {
      throw new DataException(file, lines.size() + 1, null, "is not valid UTF-8");
    } catch (IOException e) {
      throw new DataException(file, 0, null, "cannot be read: " + e.getMessage());
    }
    int header = 0;
    while (header < lines.size() && (lines.get(header).isBlank()
        || lines.get(header).startsWith("#"))) {
      header++;
    }
    if (header == lines.size()) {
      throw new DataException(file, 0, null, "has no header line and no entries");
    }
    r.lineNo = header + 1;
    r.columns = headerColumns(lines.get(header).strip());
    if (r.columns < 0) {
      throw r.error(
          null, "the first line that is not a comment must be the header '"
              + HEADER.replace("\t", "<TAB>") + "' (optionally followed by the columns "
              + "publishers, cameo and roles, in this order)");
    }
    r.presize(lines.size() - header);
    Row[] rows = r.parseAll(lines, header + 1);
    for (Row row : rows) {
      if (row != null) {
        r.lineNo = row.line();
        r.apply(row);
      }
    }
    return new Contents(r.actors, r.parents, r.aliases, r.publishers, r.roles);
  }

  /** Fewer lines than this are parsed on the calling thread alone. */
  private static final int PARALLEL_ROWS = 4000;

  /**
   * Every entry line from {@code first} on, parsed (null for blank and comment lines), in order;
   * a long file in a few chunks at once, the first on the calling thread. Parsing checks each
   * line by itself; what lines share (ids, aliases, domains) is checked in order afterwards.
   */
  private Row[] parseAll(List<String> lines, int first) {
    Row[] rows = new Row[lines.size() - first];
    int chunks = Math.min(4, Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
        rows.length / PARALLEL_ROWS)));
    List<java.util.concurrent.CompletableFuture<Void>> others = new ArrayList<>(chunks - 1);
    int per = (rows.length + chunks - 1) / Math.max(1, chunks);
    for (int c = 1; c < chunks; c++) {
      int from = c * per;
      int to = Math.min(rows.length, from + per);
      others.add(java.util.concurrent.CompletableFuture.runAsync(
          () -> parseRange(lines, first, rows, from, to)));
    }
    parseRange(lines, first, rows, 0, Math.min(rows.length, per));
    for (java.util.concurrent.CompletableFuture<Void> f : others) {
      try {
        f.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    }
    return rows;
  }

  private void parseRange(List<String> lines, int first, Row[] rows, int from, int to) {
    for (int i = from; i < to; i++) {
      String line = lines.get(first + i);
      if (!line.isBlank() && !line.startsWith("#")) {
        rows[i] = parse(line, first + i + 1);
      }
    }
  }

  /** Sizes the maps for the number of lines to come, so that they never grow while filled. */
  private void presize(int lines) {
    int capacity = (int) Math.min(1 << 24, lines * 4L);
    aliases = new LinkedHashMap<>(capacity);
    actors = new LinkedHashMap<>(lines * 2);
    idLines = new HashMap<>(lines * 2);
  }

  /** The number of columns a header line names, or -1 when it is not a valid header. */
  private static int headerColumns(String header) {
    for (int n = COLUMNS.length; n >= REQUIRED_COLUMNS; n--) {
      if (header.equals(String.join("\t", java.util.Arrays.copyOf(COLUMNS, n)))) {
        return n;
      }
    }
    return -1;
  }

  /**
   * One entry line, checked by itself: a value of what it defines, or the line as an error to
   * report when its turn comes (an earlier line's problem is reported first).
   */
  private record Row(int line, boolean ignored, Actor actor, String parent, List<Role> roles,
      List<Alias> aliases, List<String> publishers, DataException error) {}

  /** An alias of a row: the column it is listed in, as written and folded, and its target. */
  private record Alias(String column, String written, String key, AliasTarget target) {}

  private Row parse(String line, int lineNumber) {
    try {
      return parseOrThrow(line, lineNumber);
    } catch (DataException e) {
      return new Row(lineNumber, false, null, null, null, null, null, e);
    }
  }

  private Row parseOrThrow(String line, int no) {
    String[] cells = line.split("\t", -1);
    if (cells.length > columns) {
      throw error(no, null, "has " + cells.length + " tab-separated columns, at most "
          + columns + " allowed by the header ("
          + String.join(", ", java.util.Arrays.copyOf(COLUMNS, columns)) + ")");
    }
    String[] c = new String[COLUMNS.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < cells.length ? cells[i].strip() : "";
    }
    for (int i = 0; i < 3; i++) {
      if (c[i].isEmpty()) {
        throw error(no, COLUMNS[i], "is missing");
      }
    }
    String id = c[0];
    String kind = c[1].toLowerCase(Locale.ROOT);
    String parent = c[3];
    List<Alias> listed = new ArrayList<>(4);
    if (IGNORE.equals(kind)) {
      aliases(listed, no, AliasTarget.IGNORED, "name", c[2]);
      aliases(listed, no, AliasTarget.IGNORED, "aliases", c[4]);
      for (int i = 7; i < COLUMNS.length; i++) {
        if (!c[i].isEmpty()) {
          throw error(no, COLUMNS[i], "must be empty for a row of kind ignore");
        }
      }
      return new Row(no, true, null, null, List.of(), listed, List.of(), null);
    }
    ActorKind actorKind = actorKind(no, kind);
    String cameo = c[8].isEmpty() ? (actorKind == ActorKind.STATE ? id : null) : c[8];
    if (!c[8].isEmpty() && !Role.isCode(cameo)) { // a state's default is checked with its id
      throw error(no, "cameo", "'" + cameo + "' is not a CAMEO code (upper-case letters in groups"
          + " of three, such as IRN, IGOUNO)");
    }
    Actor actor;
    try {
      actor = new Actor(id, c[2], actorKind, cameo);
    } catch (IllegalArgumentException e) {
      throw error(no, "id", e.getMessage());
    }
    List<Role> held = roles(no, id, c[9]);
    if (!parent.isEmpty()) {
      if (actor.kind() == ActorKind.STATE) {
        throw error(no, "parent", "must be empty for a state, got '" + parent + "'");
      }
      if (parent.equals(id)) {
        throw error(no, "parent", "names the actor itself");
      }
    }
    AliasTarget named = new AliasTarget(id, AliasTarget.Kind.NAME);
    aliases(listed, no, named, "name", c[2]);
    aliases(listed, no, named, "aliases", c[4]);
    if (!c[5].isEmpty()) {
      aliases(listed, no, new AliasTarget(id, AliasTarget.Kind.DEMONYM), "demonyms", c[5]);
    }
    if (!c[6].isEmpty()) {
      aliases(listed, no, new AliasTarget(id, AliasTarget.Kind.METONYM), "metonyms", c[6]);
    }
    return new Row(no, false, actor, parent, held, listed, domains(no, c[7]), null);
  }

  /** Adds a parsed row, checking what it shares with the rows before it. */
  private void apply(Row row) {
    if (row.error() != null) {
      throw row.error();
    }
    if (!row.ignored()) {
      String id = row.actor().id();
      Long earlier = idLines.putIfAbsent(id, lineNo);
      if (earlier != null) {
        throw error("id", "'" + id + "' is already defined on line " + earlier);
      }
      if (!row.roles().isEmpty()) {
        roles.put(id, row.roles());
      }
      if (!row.parent().isEmpty()) {
        parents.put(id, row.parent());
      }
      actors.put(id, row.actor());
    }
    for (Alias a : row.aliases()) {
      addAlias(a);
    }
    for (String domain : row.publishers()) {
      Long earlier = publisherLines.putIfAbsent(domain, lineNo);
      if (earlier != null) {
        throw error("publishers", "domain '" + domain + "' is already listed on line " + earlier);
      }
      publishers.put(domain, row.actor().id());
    }
  }

  /** The dated roles of a person or body: {@code USA USAGOV 2013-02-01..2017-01-20|...}. */
  private List<Role> roles(int no, String id, String list) {
    if (list.isEmpty()) {
      return List.of();
    }
    List<Role> out = new ArrayList<>(2);
    for (String raw : list.split("\\|")) {
      if (raw.isBlank()) {
        continue;
      }
      Role role;
      try {
        role = Role.parse(raw);
      } catch (IllegalArgumentException e) {
        throw error(no, "roles", e.getMessage());
      }
      if (role.actorId().equals(id)) {
        throw error(no, "roles", "role '" + raw.strip() + "' names the actor itself");
      }
      out.add(role);
    }
    return List.copyOf(out);
  }

  /** Web domains whose documents the actor issues: "gov.uk" for the United Kingdom. */
  private List<String> domains(int no, String list) {
    if (list.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    for (String raw : list.split("\\|")) {
      String domain = raw.strip();
      if (domain.isEmpty()) {
        continue;
      }
      if (!DOMAIN.matcher(domain).matches()) {
        throw error(no, "publishers",
            "'" + domain + "' is not a lower-case web domain such as gov.uk");
      }
      out.add(domain);
    }
    return out;
  }

  private ActorKind actorKind(int no, String kind) {
    return switch (kind) {
      case "state" -> ActorKind.STATE;
      case "organisation", "organization" -> ActorKind.ORGANISATION;
      case "person" -> ActorKind.PERSON;
      case "other" -> ActorKind.OTHER;
      default -> throw error(no,
          "kind", "is '" + kind + "', expected one of state, organisation, person, other, ignore");
    };
  }

  /** The aliases listed in one column of a row, each checked by itself and folded. */
  private void aliases(List<Alias> out, int no, AliasTarget target, String column, String list) {
    if (list.isEmpty()) {
      return;
    }
    for (String raw : list.split("\\|")) {
      String alias = withoutArticle(raw.strip());
      if (alias.isEmpty()) {
        continue;
      }
      if (!Character.isLetterOrDigit(alias.charAt(0))) {
        throw error(no, column, "alias '" + alias + "' must start with a letter or digit");
      }
      out.add(new Alias(column, alias, AliasTrie.fold(alias), target));
    }
  }

  /** Adds an alias, unless an earlier row gave it to another actor or to the ignored phrases. */
  private void addAlias(Alias a) {
    AliasTarget target = a.target();
    AliasTarget earlier = aliases.get(a.key());
    if (earlier != null && !Objects.equals(earlier.actorId(), target.actorId())) {
      throw error(a.column(), "alias '" + a.written() + "' already names "
          + (earlier.actorId() == null ? "an ignored phrase" : earlier.actorId())
          + " on line " + (earlier.actorId() == null ? ignoredLines.get(a.key())
              : idLines.get(earlier.actorId())));
    }
    if (earlier == null || earlier.kind().ordinal() > target.kind().ordinal()) {
      aliases.put(a.key(), target);
      if (target.actorId() == null) {
        ignoredLines.put(a.key(), lineNo);
      }
    }
  }

  /** "the Kremlin" is stored as "Kremlin": the article is optional in text, so it is not kept. */
  static String withoutArticle(String alias) {
    if (alias.length() > 4 && alias.regionMatches(true, 0, "the ", 0, 4)) {
      return alias.substring(4).strip();
    }
    return alias;
  }

  private DataException error(String field, String problem) {
    return new DataException(file, lineNo, field, problem);
  }

  private DataException error(int line, String field, String problem) {
    return new DataException(file, line, field, problem);
  }
}
