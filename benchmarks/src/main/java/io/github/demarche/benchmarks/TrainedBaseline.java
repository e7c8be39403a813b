package io.github.demarche.benchmarks;

import io.github.demarche.baseline.OpenNlpBaseline;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The OpenNLP baseline as a JMH state shared by all threads: trained once per trial, and only in
 * the forks whose benchmarks take it (training takes seconds). Thread-safe once set up.
 */
@State(Scope.Benchmark)
public class TrainedBaseline {
  OpenNlpBaseline classifier;

  @Setup(Level.Trial)
  public void setUp() {
    classifier = Fixtures.trainBaseline();
  }
}
