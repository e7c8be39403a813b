package io.github.demarche.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * What the comparisons of builds in one JVM share ({@link JarComparison}, {@link
 * AnalyzeComparison}): a loop class defined anew in a class loader over another build's jar, and
 * alternating rounds of a fixed CPU time with the ratio of each build's rate to the first
 * build's taken round by round. Paired rounds in CPU time are what a shared, loaded machine can
 * still measure. Stateless; the rounds run on the calling thread.
 */
final class PairedRounds {
  private PairedRounds() {}

  /**
   * For each build's jar, a new instance of the loop class {@code loop}, defined from this jar's
   * bytes in a class loader over that jar, so that it runs that build's classes; the class needs
   * a public no-argument constructor.
   */
  static Object[] load(String[] jars, Class<?> loop) throws ReflectiveOperationException,
      IOException {
    Object[] loops = new Object[jars.length];
    for (int b = 0; b < jars.length; b++) {
      loops[b] = new BuildLoader(Path.of(jars[b]), loop.getName()).loadClass(loop.getName())
          .getConstructor().newInstance();
    }
    return loops;
  }

  /**
   * Runs {@code warmUps} rounds unrecorded, then {@code rounds} rounds of {@code nanos} each
   * build, each build going first in turn, printing each round's rates and ratios and the
   * medians.
   *
   * @param loops one {@link LongUnaryOperator} per build: given nanoseconds of CPU time, it works
   *     that long and returns its rate per CPU-second
   * @param names one per build, the first being the one the others are divided by
   * @param scale what each rate is divided by when printed (1e6 for bytes as MB)
   * @param unit what a printed rate counts per CPU-second
   */
  static void run(Object[] loops, String[] names, int warmUps, int rounds, long nanos,
      double scale, String unit) {
    int builds = loops.length;
    for (int w = 0; w < warmUps; w++) {
      for (Object loop : loops) {
        ((LongUnaryOperator) loop).applyAsLong(nanos);
      }
    }
    long[][] rate = new long[builds][rounds];
    double[][] ratio = new double[builds][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int t = 0; t < builds; t++) {
        int b = (t + r) % builds;
        rate[b][r] = ((LongUnaryOperator) loops[b]).applyAsLong(nanos);
      }
      StringBuilder line = new StringBuilder(String.format("round %2d", r + 1));
      for (int b = 0; b < builds; b++) {
        ratio[b][r] = (double) rate[b][r] / rate[0][r];
        line.append(String.format("  %10.2f (%.3f)", rate[b][r] / scale, ratio[b][r]));
      }
      System.out.println(line);
    }
    for (int b = 0; b < builds; b++) {
      Arrays.sort(rate[b]);
      Arrays.sort(ratio[b]);
      System.out.printf("%s: median %.2f %s per CPU-second, ratio to the first %.3f"
              + " (quartiles %.3f..%.3f)%n", names[b], rate[b][rounds / 2] / scale, unit,
          ratio[b][rounds / 2], ratio[b][rounds / 4], ratio[b][3 * rounds / 4]);
    }
  }

  /** A loader over a build's jar that defines one class from this jar's bytes. */
  private static final class BuildLoader extends URLClassLoader {
    private final String own;

    BuildLoader(Path jar, String own) throws IOException {
      super(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      this.own = own;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(own)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          String resource = name.replace('.', '/') + ".class";
          try (InputStream in = PairedRounds.class.getClassLoader().getResourceAsStream(resource)) {
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return c;
      }
    }
  }
}
