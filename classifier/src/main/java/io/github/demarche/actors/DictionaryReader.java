package io.github.demarche.actors;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the tab-separated dictionary format described in {@code docs/actors.md} and reports the
 * first malformed line with its file, line and column. Not thread-safe: one reader per file.
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
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Map<String, String> parents = new LinkedHashMap<>();
  private final Map<String, AliasTarget> aliases = new LinkedHashMap<>();
  /** Where each ignored phrase was listed; an actor's aliases are on its own row (idLines). */
  private final Map<String, Long> ignoredLines = new HashMap<>();
  private final Map<String, Long> idLines = new HashMap<>();
  private final Map<String, String> publishers = new LinkedHashMap<>();
  private final Map<String, Long> publisherLines = new HashMap<>();
  private final Map<String, java.util.List<Role>> roles = new LinkedHashMap<>();
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
    try (BufferedReader br = new BufferedReader(in)) {
      boolean headerSeen = false;
      String line;
      while ((line = br.readLine()) != null) {
        r.lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!headerSeen) {
          r.columns = headerColumns(line.strip());
          if (r.columns < 0) {
            throw r.error(
                null, "the first line that is not a comment must be the header '"
                    + HEADER.replace("\t", "<TAB>") + "' (optionally followed by the columns "
                    + "publishers, cameo and roles, in this order)");
          }
          headerSeen = true;
          continue;
        }
        r.row(line);
      }
      if (!headerSeen) {
        throw new DataException(file, 0, null, "has no header line and no entries");
      }
    } catch (CharacterCodingException e) {
      throw new DataException(file, r.lineNo + 1, null, "is not valid UTF-8");
    } catch (IOException e) {
      throw new DataException(file, 0, null, "cannot be read: " + e.getMessage());
    }
    return new Contents(r.actors, r.parents, r.aliases, r.publishers, r.roles);
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

  private void row(String line) {
    String[] cells = line.split("\t", -1);
    if (cells.length > columns) {
      throw error(null, "has " + cells.length + " tab-separated columns, at most "
          + columns + " allowed by the header ("
          + String.join(", ", java.util.Arrays.copyOf(COLUMNS, columns)) + ")");
    }
    String[] c = new String[COLUMNS.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < cells.length ? cells[i].strip() : "";
    }
    for (int i = 0; i < 3; i++) {
      if (c[i].isEmpty()) {
        throw error(COLUMNS[i], "is missing");
      }
    }
    String id = c[0];
    String kind = c[1].toLowerCase(Locale.ROOT);
    String parent = c[3];
    if (IGNORE.equals(kind)) {
      addAliases(AliasTarget.IGNORED, "name", c[2]);
      addAliases(AliasTarget.IGNORED, "aliases", c[4]);
      for (int i = 7; i < COLUMNS.length; i++) {
        if (!c[i].isEmpty()) {
          throw error(COLUMNS[i], "must be empty for a row of kind ignore");
        }
      }
      return;
    }
    ActorKind actorKind = actorKind(kind);
    String cameo = c[8].isEmpty() ? (actorKind == ActorKind.STATE ? id : null) : c[8];
    if (!c[8].isEmpty() && !Role.isCode(cameo)) { // a state's default is checked with its id
      throw error("cameo", "'" + cameo + "' is not a CAMEO code (upper-case letters in groups"
          + " of three, such as IRN, IGOUNO)");
    }
    Actor actor;
    try {
      actor = new Actor(id, c[2], actorKind, cameo);
    } catch (IllegalArgumentException e) {
      throw error("id", e.getMessage());
    }
    addRoles(id, c[9]);
    Long earlier = idLines.putIfAbsent(id, lineNo);
    if (earlier != null) {
      throw error("id", "'" + id + "' is already defined on line " + earlier);
    }
    if (!parent.isEmpty()) {
      if (actor.kind() == ActorKind.STATE) {
        throw error("parent", "must be empty for a state, got '" + parent + "'");
      }
      if (parent.equals(id)) {
        throw error("parent", "names the actor itself");
      }
      parents.put(id, parent);
    }
    actors.put(id, actor);
    addAliases(new AliasTarget(id, AliasTarget.Kind.NAME), "name", c[2]);
    addAliases(new AliasTarget(id, AliasTarget.Kind.NAME), "aliases", c[4]);
    addAliases(new AliasTarget(id, AliasTarget.Kind.DEMONYM), "demonyms", c[5]);
    addAliases(new AliasTarget(id, AliasTarget.Kind.METONYM), "metonyms", c[6]);
    addPublishers(id, c[7]);
  }

  /** The dated roles of a person or body: {@code USA USAGOV 2013-02-01..2017-01-20|...}. */
  private void addRoles(String id, String list) {
    if (list.isEmpty()) {
      return;
    }
    java.util.List<Role> out = new java.util.ArrayList<>(2);
    for (String raw : list.split("\\|")) {
      if (raw.isBlank()) {
        continue;
      }
      Role role;
      try {
        role = Role.parse(raw);
      } catch (IllegalArgumentException e) {
        throw error("roles", e.getMessage());
      }
      if (role.actorId().equals(id)) {
        throw error("roles", "role '" + raw.strip() + "' names the actor itself");
      }
      out.add(role);
    }
    if (!out.isEmpty()) {
      roles.put(id, java.util.List.copyOf(out));
    }
  }

  /** Web domains whose documents the actor issues: "gov.uk" for the United Kingdom. */
  private void addPublishers(String id, String list) {
    if (list.isEmpty()) {
      return;
    }
    for (String raw : list.split("\\|")) {
      String domain = raw.strip();
      if (domain.isEmpty()) {
        continue;
      }
      if (!DOMAIN.matcher(domain).matches()) {
        throw error("publishers", "'" + domain + "' is not a lower-case web domain such as gov.uk");
      }
      Long earlier = publisherLines.putIfAbsent(domain, lineNo);
      if (earlier != null) {
        throw error("publishers", "domain '" + domain + "' is already listed on line " + earlier);
      }
      publishers.put(domain, id);
    }
  }

  private ActorKind actorKind(String kind) {
    return switch (kind) {
      case "state" -> ActorKind.STATE;
      case "organisation", "organization" -> ActorKind.ORGANISATION;
      case "person" -> ActorKind.PERSON;
      case "other" -> ActorKind.OTHER;
      default -> throw error(
          "kind", "is '" + kind + "', expected one of state, organisation, person, other, ignore");
    };
  }

  private void addAliases(AliasTarget target, String column, String list) {
    if (list.isEmpty()) {
      return;
    }
    for (String raw : list.split("\\|")) {
      String alias = withoutArticle(raw.strip());
      if (alias.isEmpty()) {
        continue;
      }
      if (!Character.isLetterOrDigit(alias.charAt(0))) {
        throw error(column, "alias '" + alias + "' must start with a letter or digit");
      }
      String key = AliasTrie.fold(alias);
      AliasTarget earlier = aliases.get(key);
      if (earlier != null && !Objects.equals(earlier.actorId(), target.actorId())) {
        throw error(column, "alias '" + alias + "' already names "
            + (earlier.actorId() == null ? "an ignored phrase" : earlier.actorId())
            + " on line " + (earlier.actorId() == null ? ignoredLines.get(key)
                : idLines.get(earlier.actorId())));
      }
      if (earlier == null || earlier.kind().ordinal() > target.kind().ordinal()) {
        aliases.put(key, target);
        if (target.actorId() == null) {
          ignoredLines.put(key, lineNo);
        }
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
}
