package io.github.demarche.features;

import com.google.common.hash.Hashing;
import io.github.demarche.text.Inflections;
import io.github.demarche.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CAMEO verb dictionary of the event-data field (PETRARCH2's {@code CAMEO.2.0.txt}, MIT,
 * Open Event Data Alliance) as features: each verb of a statement that the dictionary codes
 * ("accused" 112, "denied" 014 via its block, "appealed" 020, "threatened" 130) yields its event
 * code and the code's two-digit root, and a verb pattern whose next word follows within a few
 * words ("call ... on" 020, "ask ... support" 022) yields the pattern's code too. The dictionary
 * is read from the classpath once and checked against the digest of its version, so a model never
 * runs on other verb codes than it was trained with.
 *
 * <p>Version 2 keeps the verbal interactions only: the codes of roots 01 to 14 (statements,
 * appeals, intents, consultation and mediation, cooperation, demands, disapproval and
 * accusation, rejection and denial, threats, protest), and drops the verbs and patterns of
 * material conflict (roots 15 to 20: force posture, reduced relations, coercion, assault, fights,
 * mass violence) with their synonym blocks, which in news text narrate events ("attacked",
 * "clashes") rather than take a position. Immutable and thread-safe.
 */
final class CameoVerbs {
  /** The newest version. */
  static final int LATEST = 2;

  static final String RESOURCE = "/io/github/demarche/features/cameo/CAMEO.2.0.txt";
  /** SHA-256 of the dictionary file version 1 reads (PETRARCH2 commit 676801cd). */
  static final String V1_SHA256 =
      "4a442ee42f7574651ec1c594f127353cdffbf18fa97b207ad5d8298a3cfaa08f";

  private static final long NS_CODE = 0x21L;
  private static final long NS_ROOT = 0x22L;
  private static final long NS_PERSON_ROOT = 0x23L;
  private static final long NS_BLOCK = 0x24L;
  /** Keys of pattern words (not features). */
  private static final long NS_PATTERN = 0x1000L;
  private static final int FILTER_BITS = 1 << 16;
  /** How many words after a verb a pattern's next word may come. */
  private static final int PATTERN_WINDOW = 4;
  private static final Pattern CODE = Pattern.compile("\\[([^\\]]*)\\]");
  private static final FeatureIndex FIRST_PERSON = new FeatureIndex(
      java.util.stream.Stream.of("we", "our", "us", "i", "my")
          .mapToLong(Featurizer::hashString).sorted().toArray());

  /** A pattern's next word: a prefix (or an exact word) and the code it gives. */
  private record Next(String word, boolean exact, int code) {}

  /** The highest root of version 2: 14, protest; 15 to 20 are material conflict. */
  private static final int VERBAL_ROOTS = 14;
  private static final int ALL_ROOTS = 20;

  private static volatile CameoVerbs v1;
  private static volatile CameoVerbs v2;

  /** The highest two-digit root whose codes are features. */
  private final int maxRoot;

  /** Verb form hashes (single words, lower case), sorted, for lookup. */
  private final FeatureIndex forms;
  /** For each form: its code (or -1) and its block. */
  private final int[] formCode;
  private final int[] formBlock;
  /**
   * The patterns' next words, keyed by block, exactness and the hash of the word (a prefix when
   * not exact), so a word after a verb is tested with one lookup per length that some pattern of
   * the verb's block has, not against every pattern.
   */
  private final FeatureIndex patternWords;
  /** For each key of {@code patternWords}, the codes it gives. */
  private final int[][] patternCodes;
  /** For each block, a bit per pattern-word length (below 32); 0 when it has no patterns. */
  private final int[] patternLengths;
  /**
   * A bit per pattern key (65,536 bits, 8 KB): most prefixes after a verb are
   * no pattern word, and one bit test says so more cheaply than a probe of the key table.
   */
  private final long[] patternFilter = new long[FILTER_BITS / 64];
  /** The same for verb forms: most words of a statement are no verb of the dictionary. */
  private final long[] formFilter = new long[FILTER_BITS / 64];

  private CameoVerbs(Map<Long, int[]> formTable, List<List<Next>> patterns, int maxRoot) {
    this.maxRoot = maxRoot;
    long[] keys = formTable.keySet().stream().mapToLong(Long::longValue).toArray();
    this.forms = new FeatureIndex(keys);
    this.formCode = new int[keys.length];
    this.formBlock = new int[keys.length];
    for (long key : keys) {
      int bit = filterBit(key);
      formFilter[bit >>> 6] |= 1L << bit;
    }
    int i = 0;
    for (int[] v : formTable.values()) {
      formCode[i] = v[0];
      formBlock[i] = v[1];
      i++;
    }
    this.patternLengths = new int[patterns.size()];
    Map<Long, List<Integer>> byKey = new TreeMap<>();
    for (int b = 0; b < patterns.size(); b++) {
      for (Next next : patterns.get(b)) {
        if (next.word().length() >= 32) {
          continue;
        }
        patternLengths[b] |= 1 << next.word().length();
        List<Integer> codes = byKey.computeIfAbsent(
            patternKey(b, next.exact(), Featurizer.hashString(next.word())), k -> new ArrayList<>());
        if (!codes.contains(next.code())) {
          codes.add(next.code());
        }
      }
    }
    this.patternWords = new FeatureIndex(byKey.keySet().stream().mapToLong(Long::longValue).toArray());
    for (long key : byKey.keySet()) {
      int bit = filterBit(key);
      patternFilter[bit >>> 6] |= 1L << bit;
    }
    this.patternCodes = byKey.values().stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  private static long patternKey(int block, boolean exact, long wordHash) {
    return Featurizer.mix(NS_PATTERN + 2L * block + (exact ? 1 : 0), wordHash);
  }

  private static int filterBit(long key) {
    // FNV's low bits alone are poorly mixed
    return (int) (key ^ (key >>> 29)) & (FILTER_BITS - 1);
  }

  /** The index of a pattern key, or -1; never misses a key. */
  private int patternIndex(long key) {
    int bit = filterBit(key);
    return (patternFilter[bit >>> 6] & (1L << bit)) == 0 ? -1 : patternWords.get(key);
  }

  /** The dictionary of a version (1: every code; 2: the verbal roots 01 to 14). */
  static CameoVerbs of(int version) {
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("no CAMEO verb features of version " + version);
    }
    CameoVerbs d = version == 1 ? v1 : v2;
    if (d == null) {
      synchronized (CameoVerbs.class) {
        d = version == 1 ? v1 : v2;
        if (d == null) {
          // both versions read the same file
          d = load(V1_SHA256, version == 1 ? ALL_ROOTS : VERBAL_ROOTS);
          if (version == 1) {
            v1 = d;
          } else {
            v2 = d;
          }
        }
      }
    }
    return d;
  }

  private static CameoVerbs load(String sha256, int maxRoot) {
    byte[] bytes;
    try (InputStream in = CameoVerbs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CAMEO verb dictionary " + RESOURCE
            + " is missing from the classpath");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String digest = Hashing.sha256().hashBytes(bytes).toString();
    if (!digest.equals(sha256)) {
      throw new IllegalStateException("the CAMEO verb dictionary " + RESOURCE + " has SHA-256 "
          + digest + ", not the " + sha256 + " its features were defined on");
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), maxRoot);
  }

  /** Parses the verb section of a PETRARCH verb dictionary, keeping every code (version 1). */
  static CameoVerbs parse(String dictionary) {
    return parse(dictionary, ALL_ROOTS);
  }

  /**
   * Parses the verb section of a PETRARCH verb dictionary, keeping the codes of roots up to
   * {@code maxRoot}.
   */
  static CameoVerbs parse(String dictionary, int maxRoot) {
    Map<String, List<String>> synonyms = new HashMap<>();
    Map<Long, int[]> formTable = new TreeMap<>();
    List<List<Next>> patterns = new ArrayList<>();
    String synonymSet = null;
    boolean verbs = false;
    int blockCode = -1;
    for (String raw : dictionary.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("####### VERB PATTERNS")) {
        verbs = true;
        continue;
      }
      if (!verbs) {
        if (line.startsWith("&")) {
          synonymSet = line.substring(1).replace("_", "");
          synonyms.put(synonymSet, new ArrayList<>());
        } else if (line.startsWith("+") && synonymSet != null) {
          String word = line.substring(1).split("\\s|#")[0];
          if (!word.contains("_") || word.endsWith("_") && word.indexOf('_') == word.length() - 1) {
            synonyms.get(synonymSet).add(word);
          }
        } else if (line.isEmpty()) {
          synonymSet = null;
        }
        continue;
      }
      int hash = line.indexOf('#');
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      if (body.startsWith("---")) {
        blockCode = code(body);
        patterns.add(new ArrayList<>());
      } else if (body.startsWith("-")) {
        if (patterns.isEmpty()) {
          continue;
        }
        int star = body.indexOf('*');
        int code = code(body);
        if (star < 0 || code < 0) {
          continue;
        }
        String after = CODE.matcher(body.substring(star + 1)).replaceAll(" ");
        String[] words = after.replaceAll("[(){}$+%^]", " ").strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
          continue;
        }
        List<String> alternatives = words[0].startsWith("&")
            ? synonyms.getOrDefault(words[0].substring(1).replace("_", ""), List.of())
            : List.of(words[0]);
        for (String w : alternatives) {
          boolean exact = w.endsWith("_");
          String word = w.replace("_", "").toLowerCase(Locale.ROOT);
          if (!word.isEmpty()) {
            patterns.get(patterns.size() - 1).add(new Next(word, exact, code));
          }
        }
      } else if (!patterns.isEmpty() && !body.startsWith("+") && !body.startsWith("&")) {
        // a single-word verb: VERB {IRREGULAR FORMS} [CODE]
        int own = code(body);
        int code = own >= 0 ? own : blockCode;
        String base = body.split("[\\s{\\[]")[0].replace("_", "").toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>(Inflections.regular(base));
        int open = body.indexOf('{');
        int close = body.indexOf('}');
        if (open >= 0 && close > open) {
          for (String f : body.substring(open + 1, close).strip().split("\\s+")) {
            if (!f.isEmpty() && !f.contains("_")) {
              all.add(f.toLowerCase(Locale.ROOT));
            }
          }
        }
        int block = patterns.size() - 1;
        for (String f : all) {
          formTable.putIfAbsent(Featurizer.hashString(f), new int[] {code, block});
        }
      }
    }
    return new CameoVerbs(formTable, patterns, maxRoot);
  }

  /** The first code in brackets, as a number ("042:043" gives 42, "---" gives -1). */
  private static int code(String line) {
    Matcher m = CODE.matcher(line);
    if (!m.find()) {
      return -1;
    }
    for (String part : m.group(1).split(":")) {
      String digits = part.strip();
      if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
        // keep the code's width: "0212" and "212" differ, so prefix a 1
        return Integer.parseInt("1" + digits);
      }
    }
    return -1;
  }

  /** Adds the CAMEO features of {@code text} to {@code out}. Allocates nothing. */
  void emit(String text, FeatureBuffer out) {
    out.cameoFirstPerson = false;
    out.cameoPendingLeft = 0;
    for (long token = Tokens.next(text, 0); token != Tokens.NONE;
        token = Tokens.next(text, Tokens.end(token))) {
      int start = Tokens.start(token);
      int end = Tokens.end(token);
      long h = Featurizer.FNV_OFFSET;
      for (int j = start; j < end; j++) {
        h = (h ^ Character.toLowerCase(text.charAt(j))) * Featurizer.FNV_PRIME;
      }
      token(text, start, end, h, out);
    }
  }

  /**
   * Adds the CAMEO features of one token, given in order with its lower-case hash, keeping what
   * later tokens need (a verb awaiting its pattern's next word, first person) in {@code out};
   * {@link FeatureBuffer#clear()} resets that. Allocates nothing.
   */
  void token(String text, int start, int end, long h, FeatureBuffer out) {
    // the first-person words have at most three letters
    if (end - start <= 3 && FIRST_PERSON.get(h) >= 0) {
      out.cameoFirstPerson = true;
    }
    boolean firstPerson = out.cameoFirstPerson;
    if (out.cameoPendingLeft > 0) {
      out.cameoPendingLeft--;
      int block = out.cameoPendingBlock;
      int lengths = patternLengths[block];
      long prefix = Featurizer.FNV_OFFSET;
      for (int j = start; j < end; j++) {
        prefix = (prefix ^ Character.toLowerCase(text.charAt(j))) * Featurizer.FNV_PRIME;
        int len = j - start + 1;
        if (len < 32 && (lengths & (1 << len)) != 0) {
          // a pattern word this token starts with; an exact one must be the whole token
          addCodes(patternIndex(patternKey(block, false, prefix)), firstPerson, out);
          if (j == end - 1) {
            addCodes(patternIndex(patternKey(block, true, prefix)), firstPerson, out);
          }
        }
      }
    }
    int bit = filterBit(h);
    int f = (formFilter[bit >>> 6] & (1L << bit)) == 0 ? -1 : forms.get(h);
    if (f >= 0) {
      int code = formCode[f];
      if (code < 0 || kept(code)) {
        // the verb's block: a set of synonyms ("deny", "refuse", "reject") whatever its code
        out.add(Featurizer.mix(NS_BLOCK, formBlock[f]));
        if (code >= 0) {
          addCode(code, firstPerson, out);
        }
      }
      if (patternLengths[formBlock[f]] != 0) {
        out.cameoPendingBlock = formBlock[f];
        out.cameoPendingLeft = PATTERN_WINDOW;
      }
    }
  }

  private void addCodes(int key, boolean firstPerson, FeatureBuffer out) {
    if (key >= 0) {
      for (int code : patternCodes[key]) {
        if (kept(code)) {
          addCode(code, firstPerson, out);
        }
      }
    }
  }

  private static void addCode(int code, boolean firstPerson, FeatureBuffer out) {
    int root = rootOf(code);
    out.add(Featurizer.mix(NS_CODE, code));
    out.add(Featurizer.mix(NS_ROOT, root));
    out.add(Featurizer.mix(NS_PERSON_ROOT + (firstPerson ? 16 : 0), root));
  }

  /** Whether this version's features include a code (held as "1" followed by its digits). */
  private boolean kept(int code) {
    return rootOf(code) - 100 <= maxRoot;
  }

  /** The two-digit root of a code held as "1" followed by its digits. */
  private static int rootOf(int code) {
    int root = code;
    while (root >= 1000) {
      root /= 10;
    }
    return root;
  }

  /** For tests: the code strings the dictionary gives a single verb form, or an empty list. */
  List<String> codesOf(String form) {
    int f = forms.get(Featurizer.hashString(form));
    if (f < 0 || formCode[f] < 0 || !kept(formCode[f])) {
      return List.of();
    }
    return List.of(Integer.toString(formCode[f]).substring(1));
  }
}
