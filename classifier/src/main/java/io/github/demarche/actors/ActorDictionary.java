package io.github.demarche.actors;

import io.github.demarche.data.DataException;
import io.github.demarche.domain.Actor;
import io.github.demarche.domain.ActorKind;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.DocumentMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names of states, organisations and people, and the actors they stand for: finds actor mentions
 * in text and resolves a speaker mention to the actor it speaks for. Kept as data in a documented
 * tab-separated format ({@code docs/actors.md}) that users can extend or replace. Immutable and
 * thread-safe: one instance can serve any number of threads.
 */
public final class ActorDictionary {
  static final String RESOURCE = "actors.tsv";
  /** The dictionary converted from the CAMEO actor dictionaries ({@code cameo.CameoConverter}). */
  static final String CAMEO_RESOURCE = "cameo-actors.tsv";

  private final Map<String, Actor> actors;
  private final Map<String, String> parents;
  private final Map<String, AliasTarget> aliases;
  private final Map<String, String> publishers;
  private final Map<String, List<Role>> roles;
  /** Built on first use, so that dictionaries only read to be extended never build one. */
  private volatile AliasTrie trie;

  private ActorDictionary(Map<String, Actor> actors, Map<String, String> parents,
      Map<String, AliasTarget> aliases, Map<String, String> publishers,
      Map<String, List<Role>> roles) {
    // the maps are fresh ones that no one else holds (of, extendWith): wrapped, not copied
    this.actors = Collections.unmodifiableMap(actors);
    this.parents = Collections.unmodifiableMap(parents);
    this.aliases = Collections.unmodifiableMap(aliases);
    this.publishers = Collections.unmodifiableMap(publishers);
    this.roles = Collections.unmodifiableMap(roles);
  }

  AliasTrie trie() {
    AliasTrie t = trie;
    if (t == null) {
      synchronized (this) {
        t = trie;
        if (t == null) {
          t = new AliasTrie(aliases);
          trie = t;
        }
      }
    }
    return t;
  }

  private static final class DefaultsHolder {
    static final ActorDictionary DEFAULTS = readDefaults();
  }

  /**
   * The curated entries over the CAMEO conversion, as {@link #extendWith} layers them; the two
   * files are read at once, and the conversion's maps, which nothing else holds, are layered in
   * place rather than copied.
   */
  private static ActorDictionary readDefaults() {
    java.util.concurrent.CompletableFuture<DictionaryReader.Contents> curated =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> contents(RESOURCE));
    DictionaryReader.Contents base = contents(CAMEO_RESOURCE);
    DictionaryReader.Contents top;
    try {
      top = curated.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
    layer(base.actors(), base.parents(), base.aliases(), base.publishers(), base.roles(), top);
    return of(base);
  }

  private static final class CuratedHolder {
    static final ActorDictionary CURATED = readResource(RESOURCE);
  }

  private static ActorDictionary readResource(String resource) {
    return of(contents(resource));
  }

  private static DictionaryReader.Contents contents(String resource) {
    String name = "classpath:io/github/demarche/actors/" + resource;
    InputStream in = ActorDictionary.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the class path");
    }
    return DictionaryReader.read(utf8(in), name);
  }

  /**
   * The bundled dictionary: the curated entries (every UN member state, observers, major
   * organisations, people who speak for them) over the entries converted from the CAMEO actor
   * dictionaries (some 18,000 office holders with the dates of their roles, organisations and
   * their officials, armed groups); the curated entries win where both name an actor.
   */
  public static ActorDictionary defaults() {
    return DefaultsHolder.DEFAULTS;
  }

  /** The curated bundled entries alone, without the CAMEO conversion. */
  public static ActorDictionary curated() {
    return CuratedHolder.CURATED;
  }

  /**
   * A dictionary read from a file in the documented format.
   *
   * @throws DataException naming the file, line and column when the file is malformed or unreadable
   */
  public static ActorDictionary load(Path file) {
    try {
      return of(DictionaryReader.read(utf8(Files.newInputStream(file)), file.toString()));
    } catch (NoSuchFileException e) {
      throw new DataException(file.toString(), 0, null, "does not exist");
    } catch (IOException e) {
      throw new DataException(file.toString(), 0, null, "cannot be read: " + e.getMessage());
    }
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static ActorDictionary of(DictionaryReader.Contents c) {
    return new ActorDictionary(c.actors(), c.parents(), c.aliases(), c.publishers(), c.roles());
  }

  /**
   * This dictionary with the entries of {@code other} added (other's entries win on conflict): an
   * actor with the same id takes other's name, kind and parent, and an alias listed in both names
   * other's actor. Aliases are only ever added; to drop one, load a replacement file instead. An
   * actor of other keeps other's roles only (none when other lists none), so that a curated entry
   * without dates overrides converted dated roles.
   */
  public ActorDictionary extendWith(ActorDictionary other) {
    Map<String, Actor> a = new LinkedHashMap<>(actors);
    Map<String, String> p = new LinkedHashMap<>(parents);
    Map<String, AliasTarget> al = new LinkedHashMap<>(aliases);
    Map<String, String> pub = new LinkedHashMap<>(publishers);
    Map<String, List<Role>> r = new LinkedHashMap<>(roles);
    layer(a, p, al, pub, r, new DictionaryReader.Contents(other.actors, other.parents,
        other.aliases, other.publishers, other.roles));
    return new ActorDictionary(a, p, al, pub, r);
  }

  /** Puts the entries of {@code top} over the given maps, as {@link #extendWith} describes. */
  private static void layer(Map<String, Actor> a, Map<String, String> p,
      Map<String, AliasTarget> al, Map<String, String> pub, Map<String, List<Role>> r,
      DictionaryReader.Contents top) {
    a.putAll(top.actors());
    for (String id : top.actors().keySet()) {
      p.remove(id);
      r.remove(id);
    }
    p.putAll(top.parents());
    al.putAll(top.aliases());
    pub.putAll(top.publishers());
    r.putAll(top.roles());
  }

  /**
   * The actor that issues documents published under the web address {@code documentId}, from the
   * {@code publishers} column: "https://www.gov.uk/government/news/..." gives the United Kingdom
   * when "gov.uk" is listed for it. The longest listed domain that the host equals or ends with
   * (after a dot) wins. Empty when the id is not a web address ("article.txt", "-") or its host is
   * not listed.
   */
  public Optional<Actor> publisher(String documentId) {
    Objects.requireNonNull(documentId, "document id");
    String host = host(documentId);
    for (int dot = 0; host != null && dot >= 0; dot = host.indexOf('.', dot + 1)) {
      String domain = dot == 0 ? host : host.substring(dot + 1);
      String id = publishers.get(domain);
      if (id != null) {
        return byId(id);
      }
    }
    return Optional.empty();
  }

  /**
   * The actor that issues a document, from its metadata first: the publisher named ("gov.uk", a
   * web address, or an actor's name such as "10 Downing Street" or "Ministry of Foreign Affairs
   * of Japan"), then the document's web address, then its id when that is a web address.
   */
  public Optional<Actor> publisher(Document document) {
    Objects.requireNonNull(document, "document");
    DocumentMetadata meta = document.metadata();
    LocalDate date = meta.date();
    if (meta.publisher() != null) {
      String named = meta.publisher();
      Optional<Actor> byDomain = publisher(named.contains("://") ? named : "https://" + named);
      if (byDomain.isPresent()) {
        return byDomain;
      }
      Optional<Actor> byName = resolve(named, date);
      if (byName.isPresent()) {
        return byName;
      }
    }
    if (meta.url() != null) {
      Optional<Actor> byUrl = publisher(meta.url());
      if (byUrl.isPresent()) {
        return byUrl;
      }
    }
    return publisher(document.id());
  }

  /** The lower-case host of an http(s) address, or null when the id is not one. */
  static String host(String documentId) {
    String s = documentId.strip().toLowerCase(java.util.Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme < 0 || !(s.startsWith("http://") || s.startsWith("https://"))) {
      return null;
    }
    int from = scheme + 3;
    int to = from;
    while (to < s.length() && "/?#:".indexOf(s.charAt(to)) < 0) {
      to++;
    }
    String host = s.substring(from, to);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.isEmpty() || host.contains("@") ? null : host;
  }

  /** The actor with this id, if any. */
  public Optional<Actor> byId(String id) {
    return Optional.ofNullable(actors.get(id));
  }

  /** Every actor in the dictionary, people included, in file order. */
  public List<Actor> actors() {
    return List.copyOf(actors.values());
  }

  /**
   * The actor this one belongs to: for a person, the state or organisation they speak for; for a
   * body such as the UN Security Council, its organisation. Empty for states and top-level actors.
   */
  public Optional<Actor> parent(Actor actor) {
    String parentId = parents.get(actor.id());
    return parentId == null ? Optional.empty() : byId(parentId);
  }

  /** Every actor mention in the text, in text order, longest match first, not overlapping. */
  public List<ActorMention> find(String text) {
    return find(text, null);
  }

  /**
   * Every actor mention in the text, people resolved for the roles they held on {@code date}
   * (when null, a person resolves only when all their roles speak for one actor).
   */
  public List<ActorMention> find(String text, LocalDate date) {
    List<ActorMention> out = new ArrayList<>(4);
    for (AliasTrie.Match m : trie().scan(text)) {
      Actor actor = actorOf(m.target(), date);
      if (actor != null) {
        out.add(new ActorMention(m.start(), m.end(), text.substring(m.start(), m.end()), actor));
      }
    }
    return out;
  }

  /**
   * The actor mentions of the parts of one whole text, found by scanning the text once: {@code
   * mentions(text, date).in(s, e)} lists what {@code find(text.substring(s, e), date)} does. The
   * result is not thread-safe; the dictionary is.
   */
  public TextMentions mentions(String text, LocalDate date) {
    Objects.requireNonNull(text, "text");
    return new TextMentions(this, text, date);
  }

  /**
   * The actor a speaker mention speaks for, e.g. "Iranian Foreign Ministry spokesman Nasser
   * Kanaani" to Iran, "the UN Security Council" to the Security Council, "Tehran" to Iran; empty
   * when the mention names none ("he", "the spokesman") or names several speakers ("the foreign
   * ministers of Armenia and Azerbaijan"). The rules are in {@code docs/actors.md}.
   */
  public Optional<Actor> resolve(String speakerMention) {
    return resolve(speakerMention, null);
  }

  /**
   * The actor a speaker mention speaks for on {@code date}: a person's dated roles resolve for
   * that day ("Secretary Kerry" is the United States in 2014, nobody in 2020); with a null date a
   * person resolves only when all their roles speak for one actor. The actor carries the CAMEO
   * code of the capacity it is named in: the role's ({@code USAGOV}), or a state's code with the
   * agent of a role noun in the mention ("the Iraqi prime minister" is {@code IRQGOV}, "the
   * Russian army" {@code RUSMIL}).
   */
  public Optional<Actor> resolve(String speakerMention, LocalDate date) {
    Objects.requireNonNull(speakerMention, "speaker mention");
    List<SpeakerRules.Found> found = new ArrayList<>(4);
    for (AliasTrie.Match m : trie().scan(speakerMention)) {
      Actor actor = actorOf(m.target(), date);
      if (actor != null) {
        found.add(new SpeakerRules.Found(m.start(), m.end(), actor, m.target().kind()));
      }
    }
    return SpeakerRules.resolve(speakerMention, found, this).map(a -> withAgent(a, speakerMention));
  }

  /** A state named by its plain code gets the agent of the mention's role noun: IRN to IRNGOV. */
  private static Actor withAgent(Actor actor, String mention) {
    if (actor.kind() != ActorKind.STATE || actor.cameo() == null || actor.cameo().length() != 3) {
      return actor;
    }
    return RoleNouns.defaults().sector(mention).map(s -> actor.withCameo(actor.cameo() + s))
        .orElse(actor);
  }

  /**
   * True when {@code noun} names a role or an office holder ("minister", "spokesman", "junta",
   * "prime minister", "army"), from the agents dictionary of the CAMEO coders; case and a plural
   * ending do not matter.
   */
  public static boolean isRoleNoun(String noun) {
    return RoleNouns.defaults().isRoleNoun(noun);
  }

  /** The dated roles a person or body holds, earliest first as listed; empty when undated. */
  public List<Role> roles(Actor actor) {
    return roles.getOrDefault(actor.id(), List.of());
  }

  /**
   * Every distinct actor the mention names, in order of first appearance, people lifted to the
   * actor they speak for; no rules applied ("the foreign ministers of Armenia and Azerbaijan" gives
   * Armenia, Azerbaijan).
   */
  public List<Actor> resolveAll(String mention) {
    return find(mention).stream().map(ActorMention::actor).distinct().toList();
  }

  /** True when {@code ancestor} is the parent of {@code actor}, or the parent's parent, etc. */
  boolean isAncestor(Actor ancestor, Actor actor) {
    String id = parents.get(actor.id());
    for (int depth = 0; id != null && depth < 16; depth++) {
      if (id.equals(ancestor.id())) {
        return true;
      }
      id = parents.get(id);
    }
    return false;
  }

  /**
   * The actor an alias stands for: a person is lifted to the actor they speak for, if known; a
   * person or body with roles to the actor of its role on {@code date} (of all its roles when the
   * date is null), or to nothing when none or several actors qualify.
   */
  Actor actorOf(AliasTarget target, LocalDate date) {
    if (target.actorId() == null) {
      return null;
    }
    List<Role> held = roles.get(target.actorId());
    if (held != null) {
      return principalOf(held, date);
    }
    Actor actor = actors.get(target.actorId());
    if (actor != null && actor.kind() == ActorKind.PERSON) {
      Actor principal = byId(parents.getOrDefault(actor.id(), "")).orElse(null);
      if (principal != null && principal.kind() == ActorKind.STATE && principal.cameo() != null
          && principal.cameo().length() == 3) {
        // the curated people who speak for a state are its officials: its government
        return principal.withCameo(principal.cameo() + "GOV");
      }
      return principal != null ? principal : actor;
    }
    return actor;
  }

  /** The one actor the roles held on {@code date} speak for, with the latest such role's code. */
  private Actor principalOf(List<Role> held, LocalDate date) {
    Role chosen = null;
    for (Role r : held) {
      if (!r.heldOn(date)) {
        continue;
      }
      if (chosen != null && !chosen.actorId().equals(r.actorId())) {
        return null;
      }
      if (chosen == null || r.from() >= chosen.from()) {
        chosen = r;
      }
    }
    if (chosen == null) {
      return null;
    }
    Actor principal = actors.get(chosen.actorId());
    return principal == null ? null : principal.withCameo(chosen.cameo());
  }
}
