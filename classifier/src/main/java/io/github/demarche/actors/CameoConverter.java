package io.github.demarche.actors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the CAMEO actor and agent dictionaries of the PETRARCH2 event coder (TABARI format,
 * {@code data/cameo-dictionaries/}) into the files the actor dictionary loads: {@code
 * cameo-actors.tsv} (people with the dated roles they held, bodies of states, organisations and
 * their officials, armed groups) and {@code cameo-agents.tsv} (role nouns and their agent codes).
 * The same sources and curated file always give the same bytes. The rules are in {@code
 * docs/actors.md}. Not thread-safe: one converter per conversion.
 *
 * <p>Run: {@code java -cp demarche-classifier.jar io.github.demarche.actors.CameoConverter
 * data/cameo-dictionaries classifier/src/main/resources/io/github/demarche/actors}.
 */
public final class CameoConverter {
  /** The actor dictionaries, in the order they are converted. */
  static final List<String> ACTOR_FILES = List.of("Phoenix.Countries.actors.txt",
      "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt");
  static final String AGENT_FILE = "Phoenix.agents.txt";

  /** CAMEO country codes that differ from the ISO codes the curated file uses. */
  private static final Map<String, String> COUNTRY_CODES =
      Map.of("KSV", "XKX", "TMP", "TLS", "ROM", "ROU", "ZAR", "COD");
  /** Words kept in capitals when a name is put in title case. */
  private static final Set<String> ACRONYMS = Set.of("UN", "EU", "US", "UK", "NATO", "IAEA",
      "OPEC", "ASEAN", "AU", "OSCE", "UNICEF", "UNESCO", "UNDP", "ICC", "ICJ", "IMF", "WTO", "WFP",
      "UNRWA", "ECOWAS", "SADC", "IGAD", "GCC", "OIC", "OAS", "CIS", "SCO", "CSTO", "IRA", "ETA",
      "PKK", "FARC", "ELN", "LTTE", "PLO", "ANC", "USA", "USAID", "FBI", "CIA", "NSA", "WHO", "FAO",
      "ILO", "IPCC", "UNHCR", "OHCHR", "MONUC", "UNAMID", "AMISOM", "ISAF", "KFOR", "EULEX", "SPLM",
      "SPLA", "MEND", "RUF", "LRA", "AQIM", "AQAP", "ISIS", "ISIL", "HTS", "YPG", "SDF", "PYD");
  /** Name particles written in lower case inside a name: "Ursula von der Leyen". */
  private static final Set<String> PARTICLES = Set.of("von", "der", "de", "la", "del", "van",
      "bin", "ibn", "al", "el", "da", "di", "du", "des", "le", "den", "dos", "das", "y", "of",
      "the", "and", "for", "on", "in", "ben", "bint", "abu");
  private static final Pattern CODE = Pattern.compile(
      "\\[\\s*([A-Z]{3,})\\s*(?:([<>])?\\s*(\\d{6}|\\d{8})?\\s*(?:-\\s*(\\d{6}|\\d{8}))?)?\\s*\\]");
  private static final Pattern ANY_BRACKET = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern TOKEN = Pattern.compile("[A-Z0-9][A-Z0-9.'\\-]*");

  private final Map<String, String> actorByCode = new LinkedHashMap<>();
  private final Set<String> curatedIds = new HashSet<>();
  private final Map<String, String> curatedIdByName = new HashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  private final Set<String> usedAliases = new HashSet<>();
  private final Map<String, Integer> skipped = new TreeMap<>();
  private final StringBuilder rows = new StringBuilder();
  private int converted;

  /** One entry of a TABARI actor file: a name, its aliases and its codes. */
  private record Entry(String file, int line, String name, List<String> aliases,
      List<String> codes) {}

  /** The role nouns of the agents dictionary: a single word among them names no one. */
  private final Set<String> roleNouns;

  private CameoConverter(Path curated, Set<String> roleNouns) {
    this.roleNouns = roleNouns;
    readCurated(curated);
  }

  /**
   * Single words that the dictionaries list as names of groups but that are ordinary words or
   * given names in news text ("Youth", "Zero", "Falcon", "Amit"): left out, like role nouns.
   */
  private static final Set<String> COMMON_WORDS = Set.of("foundation", "organization", "youth",
      "zero", "tigers", "lightning", "falcon", "guardian", "cornerstone", "avengers", "mavericks",
      "yahweh", "boogeymen", "inevitables", "insula", "ngo", "amit", "eyal", "shahin", "hamzah",
      "muhannad", "amal", "aleph", "isar", "contras");

  private boolean isCommonWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return roleNouns.contains(w) || COMMON_WORDS.contains(w)
        || w.endsWith("s") && roleNouns.contains(w.substring(0, w.length() - 1));
  }

  /**
   * Converts the dictionaries of {@code sources} and writes {@code cameo-actors.tsv} and {@code
   * cameo-agents.tsv} into {@code outDir}, replacing them atomically.
   *
   * @param curated the curated dictionary, whose CAMEO codes name the actors roles point to
   */
  public static void convert(Path sources, Path curated, Path outDir) throws IOException {
    write(outDir.resolve(ActorDictionary.CAMEO_RESOURCE), actors(sources, curated));
    write(outDir.resolve(RoleNouns.RESOURCE), agents(sources));
  }

  /** The converted actor dictionary, as text. */
  static String actors(Path sources, Path curated) throws IOException {
    Set<String> nouns = new HashSet<>();
    agents(sources).lines().filter(l -> !l.startsWith("#"))
        .forEach(l -> nouns.add(l.substring(0, l.indexOf('\t'))));
    CameoConverter c = new CameoConverter(curated, nouns);
    for (String file : ACTOR_FILES) {
      for (Entry e : parse(file, Files.readAllLines(sources.resolve(file), StandardCharsets.UTF_8))) {
        c.convert(e);
      }
    }
    return c.header(sources) + c.rows;
  }

  /** {@code CameoConverter SOURCE_DIR OUT_DIR}: converts, reading OUT_DIR's curated actors.tsv. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CameoConverter SOURCE_DIR OUT_DIR (SOURCE_DIR holds the CAMEO"
          + " dictionaries, OUT_DIR the curated actors.tsv)");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    convert(Path.of(args[0]), out.resolve(ActorDictionary.RESOURCE), out);
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ---- curated file -----------------------------------------------------------------------

  private void readCurated(Path curated) {
    List<String> lines;
    try {
      lines = Files.readAllLines(curated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] header = null;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (header == null) {
        header = cells;
        continue;
      }
      String id = cells[0].strip();
      String kind = cells[1].strip();
      if (kind.equals("ignore")) {
        continue;
      }
      curatedIds.add(id);
      String cameo = column(header, cells, "cameo");
      if (cameo.isEmpty() && kind.equals("state")) {
        cameo = id;
      }
      if (!cameo.isEmpty()) {
        // the first actor listed with a code stands for it: "un" before its bodies
        actorByCode.putIfAbsent(cameo, id);
      }
      if (!kind.equals("state")) {
        curatedIdByName.put(key(cells[2]), id);
        for (String a : column(header, cells, "aliases").split("\\|")) {
          if (!a.isBlank()) {
            curatedIdByName.putIfAbsent(key(a), id);
          }
        }
      }
    }
    for (Map.Entry<String, String> e : COUNTRY_CODES.entrySet()) {
      if (curatedIds.contains(e.getValue())) {
        actorByCode.putIfAbsent(e.getKey(), e.getValue());
      }
    }
  }

  private static String column(String[] header, String[] cells, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].strip().equals(name)) {
        return i < cells.length ? cells[i].strip() : "";
      }
    }
    return "";
  }

  /** Upper case, no diacritics, single spaces, no leading article: how names are compared. */
  static String key(String name) {
    String s = Normalizer.normalize(name.replace('_', ' '), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return s.startsWith("THE ") ? s.substring(4) : s;
  }

  // ---- parsing TABARI files ---------------------------------------------------------------

  /** The entries of one actor file: a name line, its "+" alias lines and its code lines. */
  static List<Entry> parse(String file, List<String> lines) {
    List<Entry> out = new ArrayList<>();
    String name = null;
    int nameLine = 0;
    List<String> aliases = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      int hash = raw.indexOf('#');
      String line = hash >= 0 ? raw.substring(0, hash) : raw;
      if (line.isBlank()) {
        continue;
      }
      boolean indented = Character.isWhitespace(line.charAt(0));
      String body = line.strip();
      if (body.startsWith("+")) {
        aliases.add(beforeCodes(body.substring(1)));
        codes.addAll(codesOf(body));
      } else if (indented || body.startsWith("[")) {
        codes.addAll(codesOf(body));
      } else {
        if (name != null) {
          out.add(new Entry(file, nameLine, name, aliases, codes));
        }
        name = beforeCodes(body);
        nameLine = i + 1;
        aliases = new ArrayList<>();
        codes = new ArrayList<>(codesOf(body));
      }
    }
    if (name != null) {
      out.add(new Entry(file, nameLine, name, aliases, codes));
    }
    return out;
  }

  /** The name written before any code: "JOHN_KERRY_ [USAGOV]" gives "JOHN_KERRY_". */
  private static String beforeCodes(String s) {
    int b = s.indexOf('[');
    String name = (b >= 0 ? s.substring(0, b) : s).strip();
    int gap = name.indexOf('\t');
    return gap >= 0 ? name.substring(0, gap).strip() : name;
  }

  private static List<String> codesOf(String s) {
    List<String> out = new ArrayList<>(2);
    Matcher m = ANY_BRACKET.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  // ---- converting entries -----------------------------------------------------------------

  private void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  private void convert(Entry e) {
    if (e.codes().isEmpty()) {
      skip("entry without a code");
      return;
    }
    List<Role> roles = new ArrayList<>();
    String ownCode = null;
    boolean dated = false;
    for (String raw : e.codes()) {
      Matcher m = CODE.matcher(raw);
      if (!m.matches()) {
        skip("code that is not [CODE], [CODE FROM-TO], [CODE >FROM] or [CODE <TO]");
        continue;
      }
      String code = m.group(1);
      if (code.length() % 3 != 0) {
        skip("code whose length is not a multiple of three");
        continue;
      }
      LocalDate from;
      LocalDate to;
      try {
        from = m.group(4) != null || ">".equals(m.group(2)) ? date(m.group(3)) : null;
        to = m.group(4) != null ? date(m.group(4)) : "<".equals(m.group(2)) ? date(m.group(3)) : null;
        if (m.group(2) == null && m.group(4) == null && m.group(3) != null) {
          skip("code with a date that is not a range");
          continue;
        }
      } catch (DateTimeException ex) {
        skip("role with an impossible date");
        continue;
      }
      dated |= from != null || to != null;
      if (from != null && to != null && from.isAfter(to)) {
        skip("role that ends before it starts");
        continue;
      }
      String actor = actorOf(code);
      if (actor == null) {
        if (isState(code.substring(0, 3))) {
          skip("role of a state the curated file does not list (" + code.substring(0, 3) + ")");
        } else if (ownCode == null) {
          ownCode = code; // an organisation or group of its own: "[IGOLAM]", "[YEMREB]"
        }
        continue;
      }
      if (isStateActor(actor) && !officialSector(code)) {
        if (from == null && to == null && ownCode == null && (e.file().contains("MilNonState")
            || Set.of("REB", "UAF", "INS", "SEP").contains(code.substring(3, 6)))) {
          ownCode = code; // an armed group of a country: "[YEMREB]"
        } else {
          skip("role that does not speak for its state (elite, opposition, business...)");
        }
        continue;
      }
      roles.add(Role.of(actor, code, from, to));
    }
    if (e.file().contains("Countries") && roles.size() == 1 && !dated
        && roles.get(0).cameo().length() == 3) {
      skip("a state's own names, places and regions (the curated file names states)");
      return;
    }
    if (roles.isEmpty() && ownCode == null) {
      return;
    }
    String mergeInto = null;
    List<String> names = new ArrayList<>();
    names.add(e.name());
    names.addAll(e.aliases());
    for (String n : names) {
      mergeInto = mergeInto != null ? mergeInto : curatedIdByName.get(key(n));
    }
    List<String> aliases = new ArrayList<>();
    for (String n : names) {
      String surface = surface(n);
      if (surface == null || dated && surface.indexOf(' ') < 0) {
        skip("name that is empty, a single word of a person, or not a name");
        continue;
      }
      if (surface.indexOf(' ') < 0 && isCommonWord(surface)) {
        skip("single word that is a role noun, a common word or a given name");
        continue;
      }
      if (!usedAliases.add(CameoConverter.aliasKey(surface))) {
        skip("alias already used by an earlier entry");
        continue;
      }
      aliases.add(surface);
      String hyphened = surface.replaceAll("\\b(al|el) (\\p{Lu})", "$1-$2"); // "al-Assad"
      if (!hyphened.equals(surface) && usedAliases.add(aliasKey(hyphened))) {
        aliases.add(hyphened);
      }
    }
    if (aliases.isEmpty()) {
      skip("entry left without a usable name");
      return;
    }
    String kind = dated ? "person" : roles.isEmpty() ? (ownCode.contains("REB")
        || ownCode.startsWith("IMG") || ownCode.contains("UAF") ? "other" : "organisation")
        : "organisation";
    String id = mergeInto != null ? mergeInto : newId(aliases.get(0));
    if (mergeInto != null && !usedIds.add(id)) {
      id = newId(aliases.get(0)); // a second entry of a curated actor: keep it apart
    }
    String self = id;
    if (roles.removeIf(r -> r.actorId().equals(self)) && roles.isEmpty()) {
      ownCode = null; // more names of a curated actor: the curated row says what it is
    }
    converted++;
    rows.append(id).append('\t').append(kind).append('\t').append(aliases.get(0)).append('\t')
        .append('\t').append(String.join("|", aliases.subList(1, aliases.size())))
        .append("\t\t\t\t").append(roles.isEmpty() && ownCode != null ? ownCode : "")
        .append('\t')
        .append(String.join("|", roles.stream().map(Role::format).toList())).append('\n');
  }

  /** Territories and former states CAMEO codes that the curated file does not list. */
  private static final Set<String> OTHER_STATES = Set.of("ABW", "AIA", "BMU", "COK", "CYM", "DDR",
      "CSK", "FRY", "GGY", "HKG", "KNT", "KRJ", "SCG", "SRP", "SUN", "USR", "YUG", "PRI", "GLP",
      "FRN", "ANG", "BAH");

  private static boolean isState(String prefix) {
    return OTHER_STATES.contains(prefix);
  }

  private boolean isStateActor(String actorId) {
    return actorId.length() == 3 && actorId.equals(actorId.toUpperCase(Locale.ROOT));
  }

  /** Government, military, legislature, courts, police, intelligence; a bare country code. */
  private static boolean officialSector(String code) {
    return code.length() == 3 || RoleNouns.OFFICIAL.contains(code.substring(3, 6));
  }

  /** The curated actor a code belongs to: the longest code listed that it starts with. */
  private String actorOf(String code) {
    for (int n = code.length(); n >= 3; n -= 3) {
      String id = actorByCode.get(code.substring(0, n));
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /** YYMMDD (years up to 30 are 20YY) or YYYYMMDD. */
  private static LocalDate date(String s) {
    if (s == null) {
      throw new DateTimeException("missing date");
    }
    int year = Integer.parseInt(s.substring(0, s.length() - 4));
    if (s.length() == 6) {
      year += year <= 30 ? 2000 : 1900;
    }
    return LocalDate.of(year, Integer.parseInt(s.substring(s.length() - 4, s.length() - 2)),
        Integer.parseInt(s.substring(s.length() - 2)));
  }

  private String newId(String name) {
    String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "cameo";
    }
    String id = base;
    for (int n = 2; curatedIds.contains(id) || !usedIds.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  /** How the loader compares aliases: its folding, with the article dropped. */
  private static String aliasKey(String surface) {
    return AliasTrie.fold(DictionaryReader.withoutArticle(surface));
  }

  /**
   * A TABARI name as it is written in text: "JOHN_KERRY_" is "John Kerry", "URSULA_VON_DER_LEYEN"
   * "Ursula von der Leyen", "UN_SECURITY_COUNCIL" "UN Security Council". Null for what cannot be a
   * name: empty, with parentheses or commas, or a single word naming a person.
   */
  static String surface(String tabari) {
    String s = tabari.replace('_', ' ').replaceAll("\\s+", " ").strip();
    if (s.isEmpty() || s.indexOf('(') >= 0 || s.indexOf(',') >= 0 || s.indexOf('+') >= 0
        || !Character.isLetterOrDigit(s.charAt(0))) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : s.split(" ")) {
      if (!TOKEN.matcher(w).matches()) {
        return null;
      }
      words.add(w);
    }
    if (words.get(0).equals("THE")) {
      words.remove(0);
    }
    if (words.isEmpty() || (words.size() == 1 && words.get(0).length() < 3)) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(word(words.get(i), i == 0));
    }
    return sb.toString();
  }

  private static String word(String w, boolean first) {
    if (ACRONYMS.contains(w) || w.contains(".") && w.length() <= 6
        || w.chars().noneMatch(c -> "AEIOUY".indexOf(c) >= 0) && w.length() > 1) {
      return w;
    }
    StringBuilder sb = new StringBuilder(w.length());
    boolean start = true;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      sb.append(start ? c : Character.toLowerCase(c));
      start = c == '-' || c == '\'' && i == 1; // "Al-Baradei", "O'Brien"
    }
    String t = sb.toString();
    if (t.length() > 3 && t.startsWith("Mc")) {
      t = "Mc" + Character.toUpperCase(t.charAt(2)) + t.substring(3);
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (!first && PARTICLES.contains(lower)) {
      return lower;
    }
    if (!first && (lower.startsWith("al-") || lower.startsWith("el-"))) {
      return lower.substring(0, 3) + t.substring(3); // "Bashar al-Assad"
    }
    return t;
  }

  private String header(Path sources) {
    StringBuilder h = new StringBuilder();
    h.append("# Converted by io.github.demarche.actors.CameoConverter from the CAMEO actor"
        + " dictionaries of the\n# PETRARCH2 event coder (data/cameo-dictionaries: ")
        .append(String.join(", ", ACTOR_FILES)).append(").\n")
        .append("# Do not edit: change the converter or the curated actors.tsv and convert"
            + " again (docs/actors.md).\n#\n")
        .append("# The source dictionaries are provided by the Computational Event Data System"
            + " Project\n# (http://eventdata.parusanalytics.com), with funding from the National"
            + " Science Foundation\n# (SES-0096086, SES-0455158, SES-0527564, SES-1004414,"
            + " SES-1259190) and the University of\n# Kansas General Research Fund; the"
            + " non-state actors were compiled by Michael Kenwick,\n# Hyun Woo Kim and Emma"
            + " Leonard (Pennsylvania State University) from the START TOPS\n# database."
            + " They are published by Open Event Data under the MIT License:\n#\n");
    for (String l : MIT.split("\n")) {
      h.append("# ").append(l).append('\n');
    }
    h.append("#\n# Entries converted: ").append(converted).append('\n');
    for (Map.Entry<String, Integer> s : skipped.entrySet()) {
      h.append("# Left out: ").append(s.getValue()).append(" x ").append(s.getKey()).append('\n');
    }
    h.append(DictionaryReader.FULL_HEADER).append('\n');
    return h.toString();
  }

  static final String MIT = """
      The MIT License (MIT)

      Copyright (c) 2014 Open Event Data Alliance

      Permission is hereby granted, free of charge, to any person obtaining a copy
      of this software and associated documentation files (the "Software"), to deal
      in the Software without restriction, including without limitation the rights
      to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
      copies of the Software, and to permit persons to whom the Software is
      furnished to do so, subject to the following conditions:

      The above copyright notice and this permission notice shall be included in
      all copies or substantial portions of the Software.

      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
      OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
      THE SOFTWARE.""";

  // ---- agents -----------------------------------------------------------------------------

  private static final Pattern AGENT = Pattern.compile(
      "([A-Z0-9!_.'\\- ]+?)\\s*(?:\\{([^}]*)\\})?\\s*\\[~([A-Z]{3,})\\]");

  /** The role nouns of the agents dictionary, one lower-case phrase and its code a line. */
  static String agents(Path sources) throws IOException {
    List<String> lines = Files.readAllLines(sources.resolve(AGENT_FILE), StandardCharsets.UTF_8);
    Map<String, List<String>> macros = new LinkedHashMap<>();
    Map<String, String> codes = new TreeMap<>();
    int left = 0;
    for (String raw : lines) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("!") && line.contains("=")) {
        String name = line.substring(0, line.indexOf('=')).strip();
        List<String> values = new ArrayList<>();
        for (String v : line.substring(line.indexOf('=') + 1).split(",")) {
          values.add(v.strip());
        }
        macros.put(name, values);
        continue;
      }
      Matcher m = AGENT.matcher(line);
      if (!m.matches() || m.group(3).length() % 3 != 0) {
        left++;
        continue;
      }
      Set<String> forms = new LinkedHashSet<>(expand(m.group(1).strip(), macros));
      if (m.group(2) != null) {
        for (String plural : m.group(2).split(",")) {
          if (!plural.isBlank()) {
            forms.addAll(expand(plural.strip(), macros));
          }
        }
      }
      for (String f : forms) {
        String phrase = f.replace('_', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        if (!phrase.isEmpty()) {
          codes.putIfAbsent(phrase, m.group(3));
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Converted by io.github.demarche.actors.CameoConverter from ").append(AGENT_FILE)
        .append(" (data/cameo-dictionaries;\n# MIT License, Copyright (c) 2014 Open Event Data"
            + " Alliance; see cameo-actors.tsv for the full notice).\n")
        .append("# One role noun a line: the lower-case phrase, a tab, its CAMEO agent code.\n")
        .append("# Lines left out as unreadable: ").append(left).append('\n');
    codes.forEach((phrase, code) -> sb.append(phrase).append('\t').append(code).append('\n'));
    return sb.toString();
  }

  /** A phrase with its !MACRO! words replaced by each of their values. */
  private static List<String> expand(String phrase, Map<String, List<String>> macros) {
    for (Map.Entry<String, List<String>> m : macros.entrySet()) {
      int at = phrase.indexOf(m.getKey());
      if (at >= 0) {
        List<String> out = new ArrayList<>();
        for (String v : m.getValue()) {
          out.addAll(expand(phrase.substring(0, at) + v + phrase.substring(at + m.getKey().length()),
              macros));
        }
        return out;
      }
    }
    return List.of(phrase.replace("!", ""));
  }
}
