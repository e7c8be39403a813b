package io.github.demarche.spark;

import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.Analyzer;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkFiles;

/**
 * One analyzer per model per JVM, built on first use: on a cluster every executor loads the model
 * once, however many partitions and records it processes, and all its task threads share it
 * (Demarche analyzers are thread-safe). Thread-safe.
 */
public final class AnalyzerHolder {
  private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private AnalyzerHolder() {}

  /**
   * The analyzer for {@code model}: "default", a path readable on this machine, or the file name
   * of a model shipped to the executors with {@code spark-submit --files} or {@code addFile}.
   */
  public static Analyzer get(String model) {
    return ANALYZERS.computeIfAbsent(model, AnalyzerHolder::load);
  }

  /** How many analyzers this JVM has built (a test checks it is one per model, not per record). */
  public static int loads() {
    return LOADS.get();
  }

  private static Analyzer load(String model) {
    LOADS.incrementAndGet();
    StanceModel stance = "default".equals(model) ? Demarche.defaultModel() : ModelFile.read(locate(model));
    return Demarche.analyzer(stance, ActorDictionary.defaults());
  }

  private static Path locate(String model) {
    Path path = Path.of(model);
    if (Files.isRegularFile(path)) {
      return path;
    }
    // a file distributed with --files / SparkContext.addFile lives in the executor's work dir
    return Path.of(SparkFiles.get(path.getFileName().toString()));
  }
}
