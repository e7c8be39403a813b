package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.model.StanceModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Compares the scoring core of two or more builds in one JVM: each benchmarks jar is loaded in a
 * class loader of its own, classifies the dev statements with its default model in alternating
 * rounds of a fixed CPU time of the measuring thread, and the ratio of each build's statements per
 * CPU-second to the first build's is taken round by round. Paired rounds in CPU time are what a
 * shared, loaded machine can still measure (JMH's wall-clock figures there mostly measure the
 * load). It also checks that every build gives the first build's scores bit for bit.
 * Single-threaded; run it as a program.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar
 * io.github.demarche.benchmarks.JarComparison ROUNDS MILLIS OLD.jar NEW.jar ...}
 */
public final class JarComparison {
  private JarComparison() {}

  /**
   * One build's classification loop, defined anew in each build's class loader (from this jar's
   * bytes), so that it runs that build's classes. Not thread-safe: one thread drives it.
   */
  public static final class Rounds implements LongUnaryOperator, Supplier<double[][]> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The last result of each round, so that the work is not optimised away. */
    public static volatile Object sink;
    private final StanceModel model = Demarche.defaultModel();
    private final StanceInput[] statements = Fixtures.statementArray();
    private int next;

    /** Classifies statements in turn for {@code nanos} of this thread's CPU time; statements/s. */
    @Override
    public long applyAsLong(long nanos) {
      long start = THREADS.getCurrentThreadCpuTime();
      long n = 0;
      Object last = null;
      long spent;
      do {
        for (int i = 0; i < 256; i++) {
          last = model.classify(statements[next]);
          next = next + 1 == statements.length ? 0 : next + 1;
        }
        n += 256;
        spent = THREADS.getCurrentThreadCpuTime() - start;
      } while (spent < nanos);
      sink = last;
      return n * 1_000_000_000L / spent;
    }

    /** The label scores of every statement. */
    @Override
    public double[][] get() {
      double[][] out = new double[statements.length][];
      for (int i = 0; i < statements.length; i++) {
        out[i] = model.scoreArray(statements[i]);
      }
      return out;
    }
  }

  /** Prints each round and the medians; arguments: rounds, milliseconds a round, jars. */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: JarComparison ROUNDS MILLIS FIRST.jar OTHER.jar...");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    long nanos = Long.parseLong(args[1]) * 1_000_000L;
    String[] jars = Arrays.copyOfRange(args, 2, args.length);
    Object[] loops = PairedRounds.load(jars, Rounds.class);
    double[][] first = ((Supplier<double[][]>) loops[0]).get();
    for (int b = 1; b < jars.length; b++) {
      double[][] scores = ((Supplier<double[][]>) loops[b]).get();
      boolean same = true;
      for (int i = 0; i < first.length; i++) {
        for (int l = 0; l < first[i].length; l++) {
          same &= Double.doubleToRawLongBits(first[i][l]) == Double.doubleToRawLongBits(scores[i][l]);
        }
      }
      System.out.println(args[b + 2] + ": scores bit-identical to " + args[2] + ": " + same);
    }
    PairedRounds.run(loops, jars, 5, rounds, nanos, 1, "statements");
  }
}
