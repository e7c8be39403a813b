package io.github.demarche.benchmarks;

import io.github.demarche.api.StanceClassifier;
import io.github.demarche.api.StanceInput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CI performance gate: in one JVM, loads the default model and trains the OpenNLP baseline on
 * the same corpus, warms both up, then classifies the dev statements with each in alternating
 * rounds and fails (exit status 1) when the median ratio of Demarche's throughput to the
 * baseline's falls below the limit (1.2 unless {@code --min-ratio} says otherwise). Throughput is
 * statements per second of the measuring thread's CPU time, so other processes on a shared machine
 * do not skew it; wall-clock rates are printed alongside.
 *
 * <p>Given {@code --end-to-end-records N --end-to-end-cpu S1,S2,...} (the CPU seconds, user plus
 * system, of whole {@code demarche classify --threads 1} processes over a file of N statements,
 * measured by {@code gate.sh}), it also checks the whole path, start-up, reading, parsing and
 * writing included: the median whole-process rate must reach the same limit against the
 * baseline's in-process rate, and at least {@code --min-end-to-end-share} (0.12 unless said
 * otherwise) of Demarche's own in-process rate, so that the record path cannot fall back to
 * costing more than the scoring it serves. Single-threaded; run it as a program.
 */
public final class ThroughputGate {
  /** Exit status when the figures are below the limit. */
  static final int TOO_SLOW = 1;
  /** Exit status when the command line is wrong. */
  static final int USAGE = 2;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThroughputGate() {}

  /**
   * The gate's settings. Immutable and thread-safe.
   *
   * @param minRatio the lowest acceptable median ratio, above 0
   * @param rounds measured rounds per classifier, at least 1
   * @param roundMillis how long each measured round classifies, at least 10 ms
   * @param endToEndRecords statements in the whole-process runs, or 0 when there were none
   * @param endToEndCpu CPU seconds of each whole-process run (empty when there were none)
   * @param minEndToEndShare the lowest acceptable whole-process rate as a share of the in-process
   *     one, in (0, 1]
   */
  record Settings(double minRatio, int rounds, int roundMillis, long endToEndRecords,
      double[] endToEndCpu, double minEndToEndShare) {
    Settings {
      if (!(minRatio > 0) || !Double.isFinite(minRatio)) {
        throw new IllegalArgumentException("--min-ratio must be a number above 0, was " + minRatio);
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
      }
      if (roundMillis < 10) {
        throw new IllegalArgumentException("--round-millis must be at least 10, was " + roundMillis);
      }
      if (endToEndRecords < 0 || (endToEndRecords > 0) != (endToEndCpu.length > 0)) {
        throw new IllegalArgumentException(
            "--end-to-end-records and --end-to-end-cpu go together (records at least 1)");
      }
      for (double s : endToEndCpu) {
        if (!(s > 0) || !Double.isFinite(s)) {
          throw new IllegalArgumentException("--end-to-end-cpu values must be seconds above 0, was " + s);
        }
      }
      if (!(minEndToEndShare > 0 && minEndToEndShare <= 1)) {
        throw new IllegalArgumentException("--min-end-to-end-share must be in (0, 1], was " + minEndToEndShare);
      }
    }

    /** Whether whole-process runs were measured. */
    boolean endToEnd() {
      return endToEndRecords > 0;
    }

    static Settings parse(String[] args) {
      double minRatio = 1.2;
      int rounds = 9;
      int roundMillis = 400;
      long endToEndRecords = 0;
      double[] endToEndCpu = new double[0];
      double minShare = 0.12;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        try {
          switch (option) {
            case "--min-ratio" -> minRatio = Double.parseDouble(value);
            case "--rounds" -> rounds = Integer.parseInt(value);
            case "--round-millis" -> roundMillis = Integer.parseInt(value);
            case "--end-to-end-records" -> endToEndRecords = Long.parseLong(value);
            case "--end-to-end-cpu" -> endToEndCpu =
                java.util.Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray();
            case "--min-end-to-end-share" -> minShare = Double.parseDouble(value);
            default -> throw new IllegalArgumentException("unknown option " + option
                + " (known: --min-ratio X, --rounds N, --round-millis N, --end-to-end-records N,"
                + " --end-to-end-cpu S1,S2,..., --min-end-to-end-share X)");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
        }
      }
      return new Settings(minRatio, rounds, roundMillis, endToEndRecords, endToEndCpu, minShare);
    }
  }

  /**
   * One measured round of one classifier: statements classified, positions they got (at least
   * one each, which also keeps the JIT from dropping the work), CPU and wall nanoseconds.
   */
  record Round(long statements, long positions, long cpuNanos, long wallNanos) {
    Round {
      if (positions < statements) {
        throw new IllegalStateException(
            "a classifier returned no position for some statement: " + positions + " positions for "
                + statements + " statements");
      }
    }

    double perCpuSecond() {
      return statements * 1e9 / cpuNanos;
    }

    double perWallSecond() {
      return statements * 1e9 / wallNanos;
    }
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("throughput gate: " + e.getMessage());
      System.exit(USAGE);
      return;
    }
    System.exit(run(settings) ? 0 : TOO_SLOW);
  }

  /** Runs the gate, printing its figures; true when Demarche is fast enough. */
  static boolean run(Settings settings) {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      System.out.println("note: this JVM cannot read thread CPU time; rates are wall-clock");
    }
    long t0 = System.nanoTime();
    Fixtures f = Fixtures.load();
    System.out.printf(Locale.ROOT, "throughput gate: %d dev statements (mean %.0f chars), %d cores,"
            + " Java %s; baseline trained in-process; setup %.1f s%n",
        f.statements().length, f.meanLength(), Runtime.getRuntime().availableProcessors(),
        Runtime.version(), (System.nanoTime() - t0) / 1e9);
    StanceClassifier demarche = f.demarche();
    StanceClassifier baseline = f.baseline();
    StanceInput[] statements = f.statements();
    // warm-up, alternating: enough calls for both to be compiled by the JIT
    for (int i = 0; i < 3; i++) {
      measure(demarche, statements, settings.roundMillis());
      measure(baseline, statements, settings.roundMillis());
    }

    double[] ratios = new double[settings.rounds()];
    double[] demarcheRates = new double[settings.rounds()];
    double[] baselineRates = new double[settings.rounds()];
    System.out.println("round  demarche st/s (cpu | wall)   baseline st/s (cpu | wall)   ratio");
    for (int r = 0; r < settings.rounds(); r++) {
      // alternate who goes first, so drift in machine load falls on both alike
      Round d;
      Round b;
      if (r % 2 == 0) {
        d = measure(demarche, statements, settings.roundMillis());
        b = measure(baseline, statements, settings.roundMillis());
      } else {
        b = measure(baseline, statements, settings.roundMillis());
        d = measure(demarche, statements, settings.roundMillis());
      }
      demarcheRates[r] = d.perCpuSecond();
      baselineRates[r] = b.perCpuSecond();
      ratios[r] = demarcheRates[r] / baselineRates[r];
      System.out.printf(Locale.ROOT, "%5d  %12.0f | %-12.0f  %12.0f | %-12.0f  %6.2f%n", r + 1,
          d.perCpuSecond(), d.perWallSecond(), b.perCpuSecond(), b.perWallSecond(), ratios[r]);
    }
    double ratio = median(ratios);
    boolean pass = ratio >= settings.minRatio();
    System.out.printf(Locale.ROOT, "median: demarche %.0f statements/s, baseline %.0f statements/s,"
            + " ratio %.2f (rounds' ratios %.2f..%.2f); limit %.2f: %s; total %.1f s%n",
        median(demarcheRates), median(baselineRates), ratio, min(ratios), max(ratios),
        settings.minRatio(), pass ? "PASS" : "FAIL", (System.nanoTime() - t0) / 1e9);
    if (settings.endToEnd()) {
      pass &= endToEnd(settings, median(demarcheRates), median(baselineRates));
    }
    return pass;
  }

  /** The whole-process check; true when it passes. */
  static boolean endToEnd(Settings settings, double demarcheRate, double baselineRate) {
    double cpu = median(settings.endToEndCpu());
    double rate = settings.endToEndRecords() / cpu;
    double vsBaseline = rate / baselineRate;
    double share = rate / demarcheRate;
    boolean pass = vsBaseline >= settings.minRatio() && share >= settings.minEndToEndShare();
    System.out.printf(Locale.ROOT, "end to end: demarche classify --threads 1, %d statements,"
            + " median %.2f CPU s (runs %s) = %.0f statements per CPU-second, start-up included;"
            + " %.2f x the baseline's in-process rate (limit %.2f), %.2f of demarche's in-process"
            + " rate (limit %.2f): %s%n",
        settings.endToEndRecords(), cpu, Arrays.toString(settings.endToEndCpu()), rate, vsBaseline,
        settings.minRatio(), share, settings.minEndToEndShare(), pass ? "PASS" : "FAIL");
    return pass;
  }

  /** Classifies the statements in turn for about {@code millis} of CPU time. */
  static Round measure(StanceClassifier classifier, StanceInput[] statements, int millis) {
    long budget = millis * 1_000_000L;
    long cpu0 = cpuNow();
    long wall0 = System.nanoTime();
    long done = 0;
    long positions = 0;
    while (cpuNow() - cpu0 < budget) {
      for (StanceInput s : statements) {
        positions += classifier.classify(s).size();
      }
      done += statements.length;
    }
    return new Round(done, positions, cpuNow() - cpu0, System.nanoTime() - wall0);
  }

  private static long cpuNow() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** The median (the mean of the middle two for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElseThrow();
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElseThrow();
  }
}
