package io.github.demarche;

import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.analyze.StatementAnalyzer;
import io.github.demarche.api.Analyzer;
import io.github.demarche.api.StanceClassifier;
import io.github.demarche.extract.NewsStatementExtractor;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.ModelFormatException;
import io.github.demarche.model.StanceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The front door of the library: the bundled default model, and models loaded from files. Every
 * object it returns is immutable and safe to share across threads. Thread-safe.
 */
public final class Demarche {
  /** Where the default model lives on the class path. */
  public static final String DEFAULT_MODEL_RESOURCE = "/io/github/demarche/model/default.dmm";

  private Demarche() {}

  private static final class DefaultHolder {
    static final StanceModel MODEL = loadResource(DEFAULT_MODEL_RESOURCE);
  }

  /**
   * The default stance model, trained on the bundled diplomatic statements corpus. Loaded once,
   * on first use, from the class path; no file or network is needed.
   */
  public static StanceModel defaultModel() {
    return DefaultHolder.MODEL;
  }

  /**
   * A model from a file, or the default model when {@code nameOrPath} is "default".
   *
   * @throws ModelFormatException naming the file and what is wrong with it
   */
  public static StanceModel loadModel(String nameOrPath) {
    if ("default".equals(nameOrPath)) {
      return defaultModel();
    }
    return ModelFile.read(Path.of(nameOrPath));
  }

  /**
   * The whole pipeline with the default model and the bundled actor dictionary: statements,
   * speakers, positions and their targets. Thread-safe.
   */
  public static Analyzer analyzer() {
    return analyzer(defaultModel(), ActorDictionary.defaults());
  }

  /** The whole pipeline with the given classifier and actor dictionary. Thread-safe. */
  public static Analyzer analyzer(StanceClassifier classifier, ActorDictionary dictionary) {
    if (classifier == null || dictionary == null) {
      throw new IllegalArgumentException("classifier and dictionary must not be null");
    }
    return new StatementAnalyzer(new NewsStatementExtractor(dictionary), classifier);
  }

  /** Reads a bundled model; package-private so that a test can name a missing resource. */
  static StanceModel loadResource(String resource) {
    try (InputStream in = Demarche.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelFormatException(
            "the default model is missing from the class path (" + resource + "): the"
                + " demarche-classifier jar contains it; in a source checkout, rebuild it with"
                + " ./demarche train --data data/diplomatic-statements/train.jsonl"
                + " --dev data/diplomatic-statements/dev.jsonl"
                + " --out classifier/src/main/resources" + resource);
      }
      return ModelFile.read("default model", in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default model", e);
    }
  }
}
