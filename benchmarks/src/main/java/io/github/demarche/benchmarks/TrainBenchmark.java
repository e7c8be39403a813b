package io.github.demarche.benchmarks;

import io.github.demarche.baseline.OpenNlpBaseline;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trains the default model (default configuration, five calibration folds) and the OpenNLP
 * baseline on the corpus's training split (1,836 statements). Unit: milliseconds per training
 * run, each run timed once (SingleShotTime) after warm-up runs.
 * One thread (JMH's default); its state is per benchmark trial and not shared.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class TrainBenchmark {
  List<Example> train;

  @Setup(Level.Trial)
  public void setUp() {
    train = Corpus.train();
  }

  @Benchmark
  public StanceModel demarche() {
    return new Trainer(TrainingConfig.defaults()).train(train);
  }

  @Benchmark
  public OpenNlpBaseline baseline() {
    return OpenNlpBaseline.train(train, OpenNlpBaseline.Params.defaults());
  }
}
