package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.api.Analyzer;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Document;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * Compares analyze (statements, speakers, positions, targets) of two or more builds in one JVM,
 * as {@link JarComparison} does for the scoring core: each benchmarks jar is loaded in a class
 * loader of its own, analyzes the document of {@link AnalyzeBenchmark} of a given size in
 * alternating rounds of a fixed CPU time of the measuring thread, and each build's bytes per
 * CPU-second are divided by the first build's round by round. Before timing it checks that every
 * build gives the first build's statements, whole (text, offsets, speaker, actors, positions,
 * targets), on every corpus document and on pseudo-documents of the training and dev statements,
 * and prints how many differ. Single-threaded; run it as a program.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar
 * io.github.demarche.benchmarks.AnalyzeComparison KILOBYTES ROUNDS MILLIS OLD.jar NEW.jar ...}
 */
public final class AnalyzeComparison {
  private AnalyzeComparison() {}

  /** What {@link Rounds#apply} is given to make its timed document: this and a size in KB. */
  private static final String SIZE = "\u0000size=";

  /** How many statements of the training and dev splits one pseudo-document joins. */
  private static final int STATEMENTS_PER_DOCUMENT = 12;

  /**
   * One build's analysis loop, defined anew in each build's class loader (from this jar's bytes),
   * so that it runs that build's classes. Not thread-safe: one thread drives it.
   */
  public static final class Rounds implements LongUnaryOperator, Function<String, String> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The last result of each round, so that the work is not optimised away. */
    public static volatile Object sink;
    private final Analyzer analyzer = Demarche.analyzer();
    private Document document;

    /** Every statement the build finds in a text, as its records print. */
    @Override
    public String apply(String text) {
      if (text.startsWith(SIZE)) {
        int kilobytes = Integer.parseInt(text.substring(SIZE.length()));
        document = Document.of(AnalyzeBenchmark.joined(Corpus.documents(), kilobytes * 1024));
        return document.text();
      }
      return analyzer.analyze(Document.of(text)).toString();
    }

    /** Analyzes the document for {@code nanos} of this thread's CPU time; bytes per second. */
    @Override
    public long applyAsLong(long nanos) {
      long start = THREADS.getCurrentThreadCpuTime();
      long n = 0;
      Object last = null;
      long spent;
      do {
        last = analyzer.analyze(document);
        n++;
        spent = THREADS.getCurrentThreadCpuTime() - start;
      } while (spent < nanos);
      sink = last;
      return (long) (n * (double) document.text().length() * 1e9 / spent);
    }
  }

  /** The corpus documents, then the training and dev statements joined a dozen at a time. */
  static List<String> texts() {
    List<String> out = new ArrayList<>(Corpus.documents());
    for (String split : new String[] {"train.jsonl", "dev.jsonl"}) {
      List<Example> examples = Datasets.read(Corpus.dir().resolve(split).toString());
      StringBuilder doc = new StringBuilder();
      for (int i = 0; i < examples.size(); i++) {
        doc.append(doc.length() == 0 ? "" : "\n\n").append(examples.get(i).text());
        if ((i + 1) % STATEMENTS_PER_DOCUMENT == 0 || i + 1 == examples.size()) {
          out.add(doc.toString());
          doc.setLength(0);
        }
      }
    }
    return out;
  }

  /** Prints the output check, each round and the medians; arguments: KB, rounds, ms, jars. */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: AnalyzeComparison KILOBYTES ROUNDS MILLIS FIRST.jar OTHER.jar...");
      System.exit(2);
    }
    int kilobytes = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    long nanos = Long.parseLong(args[2]) * 1_000_000L;
    String[] jars = Arrays.copyOfRange(args, 3, args.length);
    Object[] loops = PairedRounds.load(jars, Rounds.class);
    List<String> texts = texts();
    for (int b = 1; b < jars.length; b++) {
      int differ = 0;
      for (String text : texts) {
        String first = ((Function<String, String>) loops[0]).apply(text);
        String other = ((Function<String, String>) loops[b]).apply(text);
        if (!first.equals(other) && differ++ < 3) {
          System.out.println("differs on: " + text.substring(0, Math.min(200, text.length()))
              + "\n  first: " + first + "\n  other: " + other);
        }
      }
      System.out.printf("%s: statements identical to %s's on %d of %d texts%n", args[b + 3],
          args[3], texts.size() - differ, texts.size());
    }
    for (Object loop : loops) {
      ((Function<String, String>) loop).apply(SIZE + kilobytes);
    }
    System.out.printf("document of %d KB; MB analyzed per CPU-second of the measuring thread%n",
        kilobytes);
    PairedRounds.run(loops, jars, 5, rounds, nanos, 1e6, "MB");
  }
}
