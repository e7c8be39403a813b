package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.domain.Position;
import io.github.demarche.model.StanceModel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classifies the whole dev split (234 statements) in one {@code classifyAll} call, with Demarche's
 * default model and the OpenNLP baseline. Unit: statements per second, one thread (each call
 * counts as {@link #BATCH} operations).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BatchBenchmark {
  /** The size of the dev split. */
  static final int BATCH = 234;

  StanceModel demarche;
  List<StanceInput> batch;

  @Setup(Level.Trial)
  public void setUp() {
    StanceInput[] statements = Fixtures.statementArray();
    if (statements.length != BATCH) {
      throw new IllegalStateException(
          "the dev split has " + statements.length + " statements; update BATCH");
    }
    demarche = Demarche.defaultModel();
    batch = Arrays.asList(statements);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<List<Position>> demarche() {
    return demarche.classifyAll(batch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<List<Position>> baseline(TrainedBaseline baseline) {
    return baseline.classifier.classifyAll(batch);
  }
}
