package io.github.demarche.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Notices input the English model cannot read. It keeps a small sample of the records of a run
 * (lines 1 to {@link #ALWAYS_SAMPLED}, then every {@link #SAMPLE_EVERY}th line, at most {@link
 * #MAX_SAMPLES}), and at the end identifies their language with OpenNLP's language detector
 * ({@code opennlp-models-langdetect}, 103 languages). Identification costs about half a
 * millisecond a text and the model about a second to load, so it runs only on the sample, and the
 * model loads on a background thread from the first {@code observe} on, overlapping the run.
 * A text counts as not English when the detector's best language is not English and is at least
 * twice as likely as English; texts under {@link #MIN_LETTERS} letters are not judged. Sampling by
 * line number makes the result the same however many threads call {@link #observe}.
 *
 * <p>Most input is English, and the detector's model costs about a second of CPU to load, so a
 * cheap test comes first: a sampled text of which at least {@link #ENGLISH_COVERAGE} of the words
 * are among the 1,000 commonest of the training corpus ({@code common-english-words.txt}) is
 * English without asking the detector (held-out English statements and news sentences score 0.45
 * and more, other languages 0.35 and less), and the model is loaded, in the background, only once
 * a sampled text fails that test. A model that cannot be loaded (out of memory, say) does not fail
 * the run: {@link #warning()} says the check was skipped. Thread-safe.
 */
public final class LanguageCheck {
  /** Lines up to this one are all sampled. */
  public static final long ALWAYS_SAMPLED = 100;
  /** After that, every line whose number is a multiple of this is sampled. */
  public static final long SAMPLE_EVERY = 500;
  /** The most texts kept. */
  public static final int MAX_SAMPLES = 1000;
  /** Texts with fewer letters are not judged: short texts are too often misidentified. */
  public static final int MIN_LETTERS = 40;
  /** Only the start of a long text is judged. */
  static final int MAX_CHARS = 400;
  /** The share of common English words from which a text is English without the detector. */
  public static final double ENGLISH_COVERAGE = 0.45;
  private static final String MODEL_RESOURCE = "/langdetect-183.bin";
  private static final String WORDS_RESOURCE = "common-english-words.txt";
  private static CompletableFuture<LanguageDetectorModel> model;

  private record Sample(long line, String text, boolean english) {}

  /** The common English words, loaded on first use. */
  private static final class Words {
    static final Set<String> COMMON = load();

    private static Set<String> load() {
      try (InputStream in = LanguageCheck.class.getResourceAsStream(WORDS_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(WORDS_RESOURCE + " is missing from the class path");
        }
        Set<String> words = new HashSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            words.add(line.strip());
          }
        }
        return Set.copyOf(words);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + WORDS_RESOURCE, e);
      }
    }
  }

  private final List<Sample> samples = new ArrayList<>();
  private final Supplier<CompletableFuture<LanguageDetectorModel>> models;
  private Optional<String> verdict;

  /** A check that loads OpenNLP's language model (once per process) when it needs it. */
  public LanguageCheck() {
    this(LanguageCheck::modelFuture);
  }

  /** A check that gets its model from {@code models} (tests: a model that fails to load). */
  LanguageCheck(Supplier<CompletableFuture<LanguageDetectorModel>> models) {
    this.models = models;
  }

  /** Whether a record on this line belongs to the sample. */
  public static boolean sampled(long line) {
    return line <= ALWAYS_SAMPLED || line % SAMPLE_EVERY == 0;
  }

  /** Keeps the record's text if its line is in the sample and the text is long enough to judge. */
  public void observe(long line, String text) {
    if (!sampled(line) || !judged(text)) {
      return;
    }
    String start = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    boolean english = looksEnglish(start);
    if (!english) {
      models.get(); // starts the load in the background
    }
    synchronized (samples) {
      if (samples.size() < MAX_SAMPLES) {
        samples.add(new Sample(line, start, english));
      }
    }
  }

  /**
   * Whether at least {@link #ENGLISH_COVERAGE} of the text's words (runs of letters, lower-cased)
   * are common English words: then it is English without asking the detector.
   */
  static boolean looksEnglish(String text) {
    int words = 0;
    int common = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      words++;
      if (Words.COMMON.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
        common++;
      }
    }
    return words > 0 && common >= ENGLISH_COVERAGE * words;
  }

  /**
   * The ISO 639-3 code of the text's language when it is long enough to judge and not English;
   * empty otherwise. Loads the model on first use.
   */
  public static Optional<String> foreignLanguage(String text) {
    if (!judged(text)) {
      return Optional.empty();
    }
    return foreign(new LanguageDetectorME(await(modelFuture())), text);
  }

  private static Optional<String> foreign(LanguageDetectorME detector, String text) {
    Language[] ranked = detector.predictLanguages(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    if (ranked.length == 0 || "eng".equals(ranked[0].getLang())) {
      return Optional.empty();
    }
    double english = 0;
    for (Language l : ranked) {
      if ("eng".equals(l.getLang())) {
        english = l.getConfidence();
      }
    }
    return ranked[0].getConfidence() >= 2 * english ? Optional.of(ranked[0].getLang()) : Optional.empty();
  }

  private static boolean judged(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters >= MIN_LETTERS;
  }

  /**
   * One line to show the user when some sampled records are not English; empty otherwise. Judges
   * the sample on the first call (waiting for the model if need be); call it once the run is over.
   */
  public Optional<String> warning() {
    synchronized (samples) {
      if (verdict == null) {
        try {
          verdict = judge();
        } catch (RuntimeException | OutOfMemoryError e) {
          // the run's results are written already; a check that cannot run must not fail it
          verdict = Optional.of("the language check was skipped: cannot load the language model ("
              + (e instanceof OutOfMemoryError ? "out of memory" : String.valueOf(e.getMessage())) + ")");
        }
      }
      return verdict;
    }
  }

  private Optional<String> judge() {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    LanguageDetectorME detector = null;
    Map<String, Integer> langs = new TreeMap<>();
    long first = Long.MAX_VALUE;
    int foreign = 0;
    for (Sample s : samples) {
      if (s.english()) {
        continue;
      }
      if (detector == null) {
        detector = new LanguageDetectorME(await(models.get()));
      }
      Optional<String> lang = foreign(detector, s.text());
      if (lang.isPresent()) {
        foreign++;
        langs.merge(lang.get(), 1, Integer::sum);
        first = Math.min(first, s.line());
      }
    }
    if (foreign == 0) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "%d of %d sampled records look not English (%s; first at line %d); the model reads"
            + " English only, so its positions for them are unreliable",
        foreign, samples.size(), langs, first));
  }

  private static synchronized CompletableFuture<LanguageDetectorModel> modelFuture() {
    if (model == null) {
      model = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          model.complete(load());
        } catch (RuntimeException | Error e) {
          model.completeExceptionally(e);
        }
      }, "demarche-language-model");
      t.setDaemon(true);
      t.start();
    }
    return model;
  }

  private static LanguageDetectorModel await(CompletableFuture<LanguageDetectorModel> model) {
    try {
      return model.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the language model", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OutOfMemoryError oom) {
        throw oom;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private static LanguageDetectorModel load() {
    try (InputStream in = LanguageCheck.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the language model " + MODEL_RESOURCE
            + " is missing from the class path (org.apache.opennlp:opennlp-models-langdetect)");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the language model", e);
    }
  }
}
