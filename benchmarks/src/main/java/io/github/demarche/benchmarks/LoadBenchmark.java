package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loads the bundled default model from its bytes (checksum, manifest, vocabulary index, weights),
 * and the bundled actor dictionary from its two files (the CAMEO conversion, the curated entries
 * over it, and the trie built on first use), as a program does once at start-up. Unit:
 * milliseconds per load.
 * One thread (JMH's default); its state is per benchmark trial and not shared.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LoadBenchmark {
  byte[] defaultModel;
  Path cameoActors;
  Path curatedActors;

  @Setup(Level.Trial)
  public void setUp() {
    try (InputStream in = Demarche.class.getResourceAsStream(Demarche.DEFAULT_MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + Demarche.DEFAULT_MODEL_RESOURCE + " on the class path");
      }
      defaultModel = in.readAllBytes();
      Path dir = Files.createTempDirectory("demarche-actors");
      cameoActors = copy(dir, "cameo-actors.tsv");
      curatedActors = copy(dir, "actors.tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of a bundled actor dictionary file in {@code dir}, deleted when the JVM exits. */
  static Path copy(Path dir, String resource) throws IOException {
    try (InputStream in = ActorDictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      Path out = dir.resolve(resource);
      Files.copy(in, out);
      out.toFile().deleteOnExit();
      return out;
    }
  }

  @Benchmark
  public Object actorDictionary() {
    ActorDictionary d = ActorDictionary.load(cameoActors)
        .extendWith(ActorDictionary.load(curatedActors));
    return d.find("Secretary Kerry said."); // builds the trie
  }

  @Benchmark
  public StanceModel demarche() {
    return ModelFile.fromBytes("default model", defaultModel);
  }
}
