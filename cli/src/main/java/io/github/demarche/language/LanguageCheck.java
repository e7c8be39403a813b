package io.github.demarche.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * line number makes the result the same however many threads call {@link #observe}. Thread-safe.
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
  private static final String MODEL_RESOURCE = "/langdetect-183.bin";
  private static CompletableFuture<LanguageDetectorModel> model;

  private record Sample(long line, String text) {}

  private final List<Sample> samples = new ArrayList<>();
  private Optional<String> verdict;

  /** Whether a record on this line belongs to the sample. */
  public static boolean sampled(long line) {
    return line <= ALWAYS_SAMPLED || line % SAMPLE_EVERY == 0;
  }

  /** Keeps the record's text if its line is in the sample and the text is long enough to judge. */
  public void observe(long line, String text) {
    if (!sampled(line) || !judged(text)) {
      return;
    }
    modelFuture();
    synchronized (samples) {
      if (samples.size() < MAX_SAMPLES) {
        samples.add(new Sample(line, text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text));
      }
    }
  }

  /**
   * The ISO 639-3 code of the text's language when it is long enough to judge and not English;
   * empty otherwise. Loads the model on first use.
   */
  public static Optional<String> foreignLanguage(String text) {
    if (!judged(text)) {
      return Optional.empty();
    }
    return foreign(new LanguageDetectorME(awaitModel()), text);
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
        verdict = judge();
      }
      return verdict;
    }
  }

  private Optional<String> judge() {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    LanguageDetectorME detector = new LanguageDetectorME(awaitModel());
    Map<String, Integer> langs = new TreeMap<>();
    long first = Long.MAX_VALUE;
    int foreign = 0;
    for (Sample s : samples) {
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

  private static LanguageDetectorModel awaitModel() {
    try {
      return modelFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the language model", e);
    } catch (ExecutionException e) {
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
