package io.github.demarche.extract;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A closed list of lower-case words that attribution reads ("said", "the", "minister"). Asked
 * about a token, it tests one bit of the token's word classes ({@link Token#classes()}), which
 * tokenizing works out with a single hash look-up for all the lists at once; the attribution
 * rules ask dozens of these questions of every token, and a set look-up each was a tenth of
 * analyze's time. Asked about a string, it is a plain set. Every word class is declared as a
 * constant of one of the classes {@link Table} names (at most 64 in all). Immutable and
 * thread-safe.
 */
final class WordClass {
  private final Set<String> words;
  private final long bit;

  private WordClass(Set<String> words) {
    this.words = words;
    this.bit = Registry.register(this);
  }

  /** A word class of these lower-case words; duplicates are harmless. */
  static WordClass of(String... words) {
    return of(Arrays.asList(words));
  }

  /** A word class of these lower-case words; duplicates are harmless. */
  static WordClass of(Collection<String> words) {
    return new WordClass(Set.copyOf(words));
  }

  /** Whether a lower-case word is in the class. */
  boolean contains(String lower) {
    return words.contains(lower);
  }

  /** Whether a token, in lower case, is in the class; a quotation never is. */
  boolean contains(Token token) {
    return (token.classes() & bit) != 0;
  }

  /** The words, for building other classes from this one. */
  Set<String> words() {
    return words;
  }

  /** The bits of every word class {@code lower} belongs to; 0 for a word of none. */
  static long classesOf(String lower) {
    Long classes = Table.CLASSES.get(lower);
    return classes == null ? 0L : classes;
  }

  /** The word classes declared so far, each with its bit; closed once the table is built. */
  private static final class Registry {
    private static final List<WordClass> ALL = new ArrayList<>();
    private static boolean sealed;

    static synchronized long register(WordClass c) {
      if (sealed) {
        throw new IllegalStateException("a word class was declared after the word table was"
            + " built: declare it as a constant of a class that WordClass.Table initialises");
      }
      if (ALL.size() == Long.SIZE) {
        throw new IllegalStateException("more than " + Long.SIZE + " word classes");
      }
      ALL.add(c);
      return 1L << (ALL.size() - 1);
    }

    static synchronized List<WordClass> seal() {
      sealed = true;
      return List.copyOf(ALL);
    }
  }

  /** Every word of every class and the bits of its classes, built on first use. */
  private static final class Table {
    static final Map<String, Long> CLASSES = build();

    private static Map<String, Long> build() {
      // the classes that declare word classes: initialised first, so that all of them are known
      for (Class<?> c : List.of(SpeechCues.class, Attributor.class, Speeches.class)) {
        try {
          MethodHandles.lookup().ensureInitialized(c);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      Map<String, Long> classes = new HashMap<>();
      for (WordClass c : Registry.seal()) {
        for (String w : c.words) {
          classes.merge(w, c.bit, (a, b) -> a | b);
        }
      }
      return classes;
    }
  }
}
