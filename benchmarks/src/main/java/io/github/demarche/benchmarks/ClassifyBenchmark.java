package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.baseline.OpenNlpBaseline;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.model.StanceModel;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classifies one short statement at a time (the dev split's statements, about 160 characters
 * each, in turn), with Demarche's default model and with the OpenNLP baseline trained on the same
 * corpus. Unit: statements per second (Throughput, summed over threads). Run with {@code -prof
 * gc} for bytes allocated per statement ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ClassifyBenchmark {
  /** Shared by all threads: the model a server would keep. */
  StanceModel shared;
  StanceInput[] statements;

  @Setup(Level.Trial)
  public void setUp() {
    shared = Demarche.defaultModel();
    statements = Fixtures.statementArray();
  }

  /** One multiclass OpenNLP categorizer (first label only): the cheapest OpenNLP call there is. */
  @State(Scope.Benchmark)
  public static class OneCategorizer {
    OpenNlpBaseline classifier;

    @Setup(Level.Trial)
    public void setUp() {
      List<Example> firstLabels = new ArrayList<>();
      for (Example e : Corpus.train()) {
        firstLabels.add(
            new Example(e.id(), e.text(), List.of(e.labels().get(0)), e.target(), e.group()));
      }
      classifier = OpenNlpBaseline.train(firstLabels, OpenNlpBaseline.Params.defaults());
    }
  }

  /** Each thread's place in the statements, so threads do not contend on a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    StanceInput next(StanceInput[] statements) {
      StanceInput s = statements[next];
      next = next + 1 == statements.length ? 0 : next + 1;
      return s;
    }
  }

  /** A model of this thread's own, loaded from the default model's bytes. */
  @State(Scope.Thread)
  public static class OwnModel {
    StanceModel model;

    @Setup(Level.Trial)
    public void setUp() {
      model = Fixtures.copyOfDefaultModel();
    }
  }

  /** The harness and cursor alone: what every figure below includes. */
  @Benchmark
  public StanceInput nothing(Cursor c) {
    return c.next(statements);
  }

  @Benchmark
  public List<Position> demarcheShared(Cursor c) {
    return shared.classify(c.next(statements));
  }

  @Benchmark
  public List<Position> demarchePerThread(OwnModel own, Cursor c) {
    return own.model.classify(c.next(statements));
  }

  /** The baseline keeps one set of OpenNLP categorizers per thread whichever way it is held. */
  @Benchmark
  public List<Position> baselineShared(TrainedBaseline baseline, Cursor c) {
    return baseline.classifier.classify(c.next(statements));
  }

  /**
   * Not the same task (single-label, one categorizer instead of nine), but the lower bound of
   * what any OpenNLP document categorizer costs per statement.
   */
  @Benchmark
  public List<Position> baselineOneCategorizer(OneCategorizer one, Cursor c) {
    return one.classifier.classify(c.next(statements));
  }

  @Benchmark
  @Threads(2)
  public List<Position> demarcheSharedTwoThreads(Cursor c) {
    return shared.classify(c.next(statements));
  }

  @Benchmark
  @Threads(2)
  public List<Position> baselineSharedTwoThreads(TrainedBaseline baseline, Cursor c) {
    return baseline.classifier.classify(c.next(statements));
  }
}
