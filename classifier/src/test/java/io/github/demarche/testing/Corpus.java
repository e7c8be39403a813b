package io.github.demarche.testing;

import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled corpus, located through the build's system property. */
public final class Corpus {
  private Corpus() {}

  public static Path dir() {
    String d = System.getProperty("demarche.corpus.dir");
    Path p = d != null ? Path.of(d) : Path.of("../data/diplomatic-statements");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("corpus directory not found: " + p.toAbsolutePath());
    }
    return p;
  }

  public static Path train() {
    return dir().resolve("train.jsonl");
  }

  public static Path dev() {
    return dir().resolve("dev.jsonl");
  }

  public static List<Example> trainExamples() {
    return Datasets.read(train().toString());
  }

  public static List<Example> devExamples() {
    return Datasets.read(dev().toString());
  }
}
