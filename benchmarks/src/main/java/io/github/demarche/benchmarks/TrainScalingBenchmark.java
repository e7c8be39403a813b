package io.github.demarche.benchmarks;

import io.github.demarche.data.Example;
import io.github.demarche.model.StanceModel;
import io.github.demarche.train.Trainer;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How training time grows with the data: the default configuration trained on 1k, 10k, 100k and
 * 300k statements recombined from the corpus ({@link SyntheticCorpus}, fixed seed). Unit: seconds
 * per training run, each run timed once (SingleShotTime). One benchmark thread (JMH's default),
 * inside which training uses every core (label fits and calibration folds in parallel); its state
 * is per benchmark trial and not shared.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class TrainScalingBenchmark {
  /** The seed of the recombined training sets. */
  static final long SEED = 5L;

  @Param({"1000", "10000", "100000", "300000"})
  int statements;

  List<Example> train;

  @Setup(Level.Trial)
  public void setUp() {
    train = SyntheticCorpus.of(Corpus.train(), statements, SEED);
  }

  @Benchmark
  public StanceModel demarche() {
    return new Trainer(TrainingConfig.defaults()).train(train);
  }
}
