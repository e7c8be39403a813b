package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.encoder.Encoder;
import io.github.demarche.encoder.StackedClassifier;
import io.github.demarche.encoder.TextEmbedder;
import io.github.demarche.model.StanceModel;
import io.github.demarche.stack.EmbeddingTable;
import io.github.demarche.stack.StackConfig;
import io.github.demarche.stack.StackTrainer;
import io.github.demarche.train.TrainingConfig;
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
 * Classifies one statement at a time (the dev split's statements in turn) with the sentence-encoder
 * family: the stacked model (the default encoders' vectors and lexical scores), the default
 * encoders' vector alone, each of its two encoders alone (all-MiniLM-L6-v2 and E5-small-v2), and
 * the default lexical model in the same run for the ratio. The stack is trained at set-up on the
 * first 300 training statements (its speed does not depend on how much it was trained on). Unit:
 * statements per second (Throughput, summed over threads). Run with {@code -prof gc} for bytes
 * allocated per statement ({@code gc.alloc.rate.norm}; ONNX Runtime's native memory is not
 * counted there).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EncoderBenchmark {
  /** Shared by all threads: the model a server would keep. */
  StackedClassifier stacked;
  /** The family's default: both encoders side by side. */
  TextEmbedder encoder;
  Encoder miniLm;
  Encoder e5;
  StanceModel lexical;
  StanceInput[] statements;

  @Setup(Level.Trial)
  public void setUp() {
    encoder = Encoder.named(StackConfig.DEFAULT_ENCODER);
    miniLm = Encoder.load(Encoder.Weights.ALL_MINILM_L6_V2_Q);
    e5 = Encoder.load(Encoder.Weights.E5_SMALL_V2_Q);
    List<Example> train = Corpus.train().subList(0, 300);
    EmbeddingTable table = EmbeddingTable.of(encoder, train.stream().map(Example::text).toList());
    stacked = new StackTrainer(TrainingConfig.defaults(), StackConfig.defaults())
        .train(train, table).withEmbedder(encoder);
    lexical = Demarche.defaultModel();
    statements = Fixtures.statementArray();
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

  @Benchmark
  public List<Position> stacked(Cursor c) {
    return stacked.classify(c.next(statements));
  }

  @Benchmark
  @Threads(2)
  public List<Position> stackedTwoThreads(Cursor c) {
    return stacked.classify(c.next(statements));
  }

  /** The default encoders' vector alone: what the stack adds to the lexical model's cost. */
  @Benchmark
  public float[] encoderVector(Cursor c) {
    return encoder.embed(c.next(statements).text());
  }

  /** all-MiniLM-L6-v2 alone (6 layers): the family's only encoder before E5 joined it. */
  @Benchmark
  public float[] miniLmVector(Cursor c) {
    return miniLm.embed(c.next(statements).text());
  }

  /** E5-small-v2 alone (12 layers). */
  @Benchmark
  public float[] e5Vector(Cursor c) {
    return e5.embed(c.next(statements).text());
  }

  /** The default lexical model in the same run, for the ratio. */
  @Benchmark
  public List<Position> lexical(Cursor c) {
    return lexical.classify(c.next(statements));
  }
}
