package io.github.demarche.features;

import io.github.demarche.text.Tokens;
import java.util.List;

/**
 * Turns a statement (and its optional stance target) into hashed features: lower-cased word
 * n-grams, optional character n-grams inside words, cue-lexicon classes (marked when negated),
 * optional CAMEO verb-dictionary features ({@link CameoVerbs}), and target conjunctions. Hashes
 * are 64-bit FNV-1a over UTF-16 units, then mixed with a namespace per feature kind; the scheme is
 * part of the model file format and must not change without a format version. Immutable and
 * thread-safe.
 *
 * <p>No feature is ever a string: {@link #features(String, String, FeatureBuffer)} walks the
 * tokens of {@link io.github.demarche.text.Tokens} once, hashing each while it walks it (the
 * hashes of its first 31 prefixes are kept in the buffer, for stems and cue
 * stems), and the model looks the hashes up in its vocabulary. To add a feature kind: give it a
 * namespace constant of its own, add a {@link FeatureConfig} field whose default (and legacy
 * value) turns it off, so older models keep their features; then, inside the token loop, compute
 * its hash from what is at hand (the token's hash {@code h}, its prefix hashes, its start and end
 * in the text, the previous tokens' hashes in the buffer's window) and emit {@code mix(NS_KIND,
 * value)} into the buffer. Keep per-token work free of allocation (no substrings,
 * lower-cased copies, boxed keys or regexes) and put any lexicon in a {@link FeatureIndex}, with
 * a bit filter in front when most tokens miss it; {@code FeaturizerEquivalenceTest}'s reference
 * featurizer must learn the new kind too.
 */
public final class Featurizer {
  /** Receives feature hashes; may be called several times with the same hash. */
  @FunctionalInterface
  public interface Sink {
    void accept(long featureHash);
  }

  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;
  private static final long NS_WORD = 0x1L;
  private static final long NS_CHAR = 0x2L;
  private static final long NS_CUE = 0x3L;
  private static final long NS_NEGATED_CUE = 0x4L;
  private static final long NS_TARGET = 0x5L;
  private static final long NS_CONJOINED = 0x6L;
  private static final long NS_BIAS = 0x7L;
  private static final long NS_STEM = 0x8L;
  private static final long BOUNDARY = hashString("<s>");
  private static final int NEGATION_WINDOW = 3;
  private static final int STEM_FILTER_BITS = 8192;
  /** The longest prefix whose hash is kept for stems and cue stems (stems are shorter). */
  static final int MAX_PREFIX = 31;
  /** Each Latin-1 character's {@link #info}. */
  private static final int[] INFO_LATIN1 = new int[256];

  static {
    for (char c = 0; c < INFO_LATIN1.length; c++) {
      INFO_LATIN1[c] = Tokens.charClass(c) << 16 | Character.toLowerCase(c);
    }
  }

  private final FeatureConfig config;
  private final FeatureIndex cueStems;
  private final int[] cueMasks;
  private final int stemLengthMask;
  /**
   * An 8,192-bit filter of the stem hashes: most word prefixes are no stem, and one bit test
   * says so more cheaply than a probe of the stem table. Never rejects a stem.
   */
  private final long[] stemFilter = new long[STEM_FILTER_BITS / 64];
  /** The same for the negation words, tested for every token. */
  private final long[] negationFilter = new long[STEM_FILTER_BITS / 64];
  private final FeatureIndex negations;
  /** The CAMEO verb dictionary, when the configuration asks for its features. */
  private final CameoVerbs cameo;

  public Featurizer(FeatureConfig config) {
    this.config = config;
    this.cameo = config.cameoVerbs() > 0 ? CameoVerbs.of(config.cameoVerbs()) : null;
    if (config.cueLexicon() == 1) {
      List<List<String>> classes = CueLexicon.V1;
      java.util.TreeMap<Long, Integer> masks = new java.util.TreeMap<>();
      int lengths = 0;
      for (int c = 0; c < classes.size(); c++) {
        for (String stem : classes.get(c)) {
          masks.merge(hashString(stem), 1 << c, (a, b) -> a | b);
          lengths |= 1 << Math.min(stem.length(), 31);
        }
      }
      long[] keys = masks.keySet().stream().mapToLong(Long::longValue).toArray();
      this.cueStems = new FeatureIndex(keys);
      this.cueMasks = masks.values().stream().mapToInt(Integer::intValue).toArray();
      this.stemLengthMask = lengths;
      for (long k : keys) {
        int bit = stemFilterBit(k);
        stemFilter[bit >>> 6] |= 1L << bit;
      }
      long[] negationKeys =
          CueLexicon.V1_NEGATIONS.stream().mapToLong(Featurizer::hashString).sorted().toArray();
      this.negations = new FeatureIndex(negationKeys);
      for (long k : negationKeys) {
        int bit = stemFilterBit(k);
        negationFilter[bit >>> 6] |= 1L << bit;
      }
    } else {
      this.cueStems = null;
      this.cueMasks = null;
      this.stemLengthMask = 0;
      this.negations = null;
    }
  }

  public FeatureConfig config() {
    return config;
  }

  /** The features of a text and optional target, as hashes, possibly repeated. */
  public long[] features(String text, String target) {
    FeatureBuffer buffer = new FeatureBuffer();
    features(text, target, buffer);
    return buffer.toArray();
  }

  /** Emits every feature of the text and optional target into the sink. */
  public void features(String text, String target, Sink sink) {
    FeatureBuffer buffer = new FeatureBuffer();
    features(text, target, buffer);
    for (int i = 0; i < buffer.size(); i++) {
      sink.accept(buffer.get(i));
    }
  }

  /**
   * Replaces the contents of {@code out} with every feature of the text and optional target, in
   * a fixed order; allocates nothing once the buffer has grown to the texts it sees.
   */
  public void features(String text, String target, FeatureBuffer out) {
    out.clear();
    boolean conjoin = target != null && config.targetConjunctions();
    long t = 0;
    if (conjoin) {
      t = hashString(target.strip());
      out.add(mix(NS_TARGET, t));
    }
    int first = out.size();
    out.add(NS_BIAS);
    int n = config.wordNgrams();
    long[] window = out.window;
    window[0] = BOUNDARY;
    int filled = 1;
    int lastNegation = Integer.MIN_VALUE / 2;
    int i = 0;
    int stem = config.stemLength();
    long[] prefixes = out.prefixes;
    int textLength = text.length();
    char[] chars = out.chars(textLength);
    text.getChars(0, textLength, chars, 0);
    int pos = 0;
    while (true) {
      // the tokens of Tokens.next, hashed while they are walked: FNV-1a of the lower-cased
      // token, keeping the hash of every prefix up to MAX_PREFIX characters (for stems and cue
      // stems) without a branch on the characters, which are hard to predict
      int kind = Tokens.WHITESPACE;
      int info = 0;
      while (pos < textLength
          && (kind = (info = info(chars[pos])) >>> 16) == Tokens.WHITESPACE) {
        pos++;
      }
      if (pos >= textLength) {
        break;
      }
      int start = pos++;
      long h = (FNV_OFFSET ^ (info & 0xffff)) * FNV_PRIME;
      prefixes[1] = h;
      int p = 1;
      if (kind == Tokens.OTHER) {
        // a run of one repeated punctuation mark ("...", "!!") is one token; "?!" is two
        char mark = chars[start];
        long lowerMark = info & 0xffff;
        while (pos < textLength && chars[pos] == mark) {
          h = (h ^ lowerMark) * FNV_PRIME;
          prefixes[Math.min(++p, MAX_PREFIX + 1)] = h;
          pos++;
        }
      } else {
        while (pos < textLength && ((info = info(chars[pos])) >>> 16) == kind) {
          h = (h ^ (info & 0xffff)) * FNV_PRIME;
          prefixes[Math.min(++p, MAX_PREFIX + 1)] = h;
          pos++;
        }
      }
      int end = pos;
      int length = end - start;
      int kept = Math.min(length, MAX_PREFIX);
      if (length > stem && stem > 0) {
        out.add(mix(NS_STEM, prefixes[stem]));
      }
      out.add(mix(NS_WORD, h));
      if (cameo != null) {
        cameo.token(text, start, end, h, out);
      }
      // word n-grams ending here, the first token paired with the sentence boundary
      for (int k = n - 1; k > 0; k--) {
        window[k] = window[k - 1];
      }
      window[0] = h;
      filled = Math.min(filled + 1, n);
      long gram = h;
      for (int k = 1; k < filled; k++) {
        gram = mix(gram * 31 + k, window[k]);
        out.add(mix(NS_WORD + 8L * (k + 1), gram));
      }
      if (cueStems != null) {
        boolean negation = inFilter(negationFilter, h) && negations.get(h) >= 0
            && (length != 1 || (start > 0 && text.charAt(start - 1) == '\''));
        if (negation) {
          lastNegation = i;
        } else {
          int cueMask = cueMask(prefixes, kept);
          if (cueMask != 0) {
            boolean negated = i - lastNegation <= NEGATION_WINDOW;
            // the set bits in ascending order, as a scan of all 32 would visit them
            for (int m = cueMask; m != 0; m &= m - 1) {
              out.add(mix(negated ? NS_NEGATED_CUE : NS_CUE, Integer.numberOfTrailingZeros(m)));
            }
          }
        }
      }
      if (config.charNgramMax() > 0) {
        charNgrams(text, start, end, out);
      }
      i++;
    }
    if (conjoin) {
      out.conjoin(first, t);
    }
  }

  /**
   * The cue classes of the cue stems among a token's first {@code kept} prefixes (hashes in
   * {@code prefixes[1..kept]}). The filter is read for every prefix of a stem's length without a
   * branch on its answer; only the few prefixes that pass are probed.
   */
  private int cueMask(long[] prefixes, int kept) {
    int passed = 0;
    for (int lengths = stemLengthMask & (int) ((2L << kept) - 1); lengths != 0;
        lengths &= lengths - 1) {
      int len = Integer.numberOfTrailingZeros(lengths);
      int bit = stemFilterBit(prefixes[len]);
      passed |= (int) ((stemFilter[bit >>> 6] >>> bit) & 1) << len;
    }
    int mask = 0;
    for (; passed != 0; passed &= passed - 1) {
      int c = cueStems.get(prefixes[Integer.numberOfTrailingZeros(passed)]);
      if (c >= 0) {
        mask |= cueMasks[c];
      }
    }
    return mask;
  }

  /** Whether a hash may be in the set a filter was built from (never false for a member). */
  private static boolean inFilter(long[] filter, long h) {
    int bit = stemFilterBit(h);
    return (filter[bit >>> 6] & (1L << bit)) != 0;
  }

  /**
   * A character's class ({@link Tokens#charClass}) in the high half and its lower case in the low
   * half: one table read a character for Latin-1.
   */
  private static int info(char c) {
    return c < INFO_LATIN1.length
        ? INFO_LATIN1[c]
        : Tokens.charClass(c) << 16 | Character.toLowerCase(c);
  }


  /** The bit of the stem filter for a prefix hash (FNV's low bits alone are poorly mixed). */
  private static int stemFilterBit(long h) {
    return (int) (h ^ (h >>> 29)) & (STEM_FILTER_BITS - 1);
  }

  /** The conjunction of a feature with a stance target. */
  static long conjoined(long feature, long target) {
    return mix(NS_CONJOINED ^ feature, target);
  }

  private void charNgrams(String text, int start, int end, FeatureBuffer out) {
    // the word with boundary marks, "<word>", as virtual positions start-1 .. end
    int min = config.charNgramMin();
    int max = config.charNgramMax();
    for (int from = start - 1; from < end + 1; from++) {
      long h = FNV_OFFSET;
      for (int to = from; to < end + 1 && to - from < max; to++) {
        char ch = to < start ? '<' : to >= end ? '>' : Character.toLowerCase(text.charAt(to));
        h = (h ^ ch) * FNV_PRIME;
        int len = to - from + 1;
        if (len >= min) {
          out.add(mix(NS_CHAR, h));
        }
      }
    }
  }

  /** FNV-1a 64 of the lower-cased string. */
  static long hashString(String s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ Character.toLowerCase(s.charAt(i))) * FNV_PRIME;
    }
    return h;
  }

  /** Mixes a namespace or left part with a value (the finaliser of MurmurHash3). */
  static long mix(long ns, long value) {
    long z = value ^ (ns * 0x9e3779b97f4a7c15L);
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
