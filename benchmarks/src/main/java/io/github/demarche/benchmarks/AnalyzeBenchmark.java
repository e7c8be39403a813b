package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.Analyzer;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Analyzes whole news documents (statements, speakers, positions) of about 1, 10 and 100 KB, made
 * by joining the corpus's annotated documents whole, in order, until the size is reached. The
 * same pipeline runs with Demarche's default model and with the OpenNLP baseline as the
 * classifier. Unit: milliseconds per document, one thread; MB/s = size / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AnalyzeBenchmark {
  /** The document size in KB (1,024 characters). */
  @Param({"1", "10", "100"})
  int kilobytes;

  Document document;

  @Setup(Level.Trial)
  public void setUp() {
    document = Document.of(joined(Corpus.documents(), kilobytes * 1024));
  }

  /** The analyzer with the default model. */
  @State(Scope.Benchmark)
  public static class WithDemarche {
    Analyzer analyzer;

    @Setup(Level.Trial)
    public void setUp() {
      analyzer = Demarche.analyzer();
    }
  }

  /** The same analyzer with the OpenNLP baseline as its classifier, trained only when used. */
  @State(Scope.Benchmark)
  public static class WithBaseline {
    Analyzer analyzer;

    @Setup(Level.Trial)
    public void setUp() {
      analyzer = Demarche.analyzer(Fixtures.trainBaseline(), ActorDictionary.defaults());
    }
  }

  /** Whole documents, cycling through them, joined by blank lines until at least the size. */
  static String joined(List<String> documents, int size) {
    StringBuilder out = new StringBuilder(size + 8192);
    for (int i = 0; out.length() < size; i = (i + 1) % documents.size()) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(documents.get(i));
    }
    // cut back to the paragraph that crosses the size, so no sentence is broken
    int cut = out.indexOf("\n\n", size);
    return cut < 0 ? out.toString() : out.substring(0, cut);
  }

  @Benchmark
  public List<Statement> demarche(WithDemarche d) {
    return d.analyzer.analyze(document);
  }

  @Benchmark
  public List<Statement> baseline(WithBaseline b) {
    return b.analyzer.analyze(document);
  }
}
