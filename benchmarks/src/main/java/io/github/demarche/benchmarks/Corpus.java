package io.github.demarche.benchmarks;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.data.JsonLines;
import io.github.demarche.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and reads the bundled diplomatic statements corpus for benchmarks: the system property
 * {@code demarche.corpus.dir} when set, else {@code data/diplomatic-statements} in the working
 * directory or one of its parents. Stateless and thread-safe.
 */
public final class Corpus {
  /** The system property that names the corpus directory. */
  public static final String PROPERTY = "demarche.corpus.dir";

  private Corpus() {}

  /**
   * The corpus directory.
   *
   * @throws IllegalStateException saying where it looked when there is none
   */
  public static Path dir() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      Path p = Path.of(configured);
      if (!Files.isRegularFile(p.resolve("train.jsonl"))) {
        throw new IllegalStateException(
            "-D" + PROPERTY + "=" + configured + " holds no train.jsonl");
      }
      return p;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("data").resolve("diplomatic-statements");
      if (Files.isRegularFile(candidate.resolve("train.jsonl"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no data/diplomatic-statements/train.jsonl in " + start
        + " or its parents; run from the Demarche checkout or set -D" + PROPERTY + "=DIR");
  }

  /** The training split, the data the default model was trained on. */
  public static List<Example> train() {
    return Datasets.read(dir().resolve("train.jsonl").toString());
  }

  /**
   * The texts of the whole annotated news documents ({@code documents.jsonl}), in file order.
   *
   * @throws io.github.demarche.data.DataException naming the line of a record without a text
   */
  public static List<String> documents() {
    String path = dir().resolve("documents.jsonl").toString();
    List<String> out = new ArrayList<>();
    JsonLines.forEach(path, line -> out.add(Datasets.requiredText(path, line.number(), line.object())));
    return out;
  }

  /** The statements of the dev split (held out from training), as inputs to classify. */
  public static List<StanceInput> statements() {
    return Trainer.inputs(Datasets.read(dir().resolve("dev.jsonl").toString()));
  }
}
