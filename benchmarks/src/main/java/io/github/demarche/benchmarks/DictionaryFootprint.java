package io.github.demarche.benchmarks;

import io.github.demarche.Demarche;
import io.github.demarche.actors.ActorDictionary;
import io.github.demarche.api.Analyzer;
import io.github.demarche.domain.Document;
import io.github.demarche.model.StanceModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the bundled actor dictionary (curated entries over the CAMEO conversion) costs: its first
 * load in a fresh JVM (wall and CPU time), the heap it retains (used heap after full collections,
 * before and after loading), warm reloads of both files through the public API, and the analyze
 * throughput with it against the curated entries alone, in alternating rounds. Times are of the
 * measuring thread's CPU, so other processes on a shared machine do not skew them; wall times are
 * printed alongside. Single-threaded; run it as a program in a fresh JVM.
 */
public final class DictionaryFootprint {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DictionaryFootprint() {}

  /** Prints the figures; takes no arguments (the corpus from {@code -Ddemarche.corpus.dir}). */
  public static void main(String[] args) throws IOException {
    long heapBefore = usedHeap();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long process = os.getProcessCpuTime();
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    ActorDictionary defaults = ActorDictionary.defaults();
    defaults.find("Secretary Kerry said."); // the trie is built on first use
    cpu = THREADS.getCurrentThreadCpuTime() - cpu;
    wall = System.nanoTime() - wall;
    process = os.getProcessCpuTime() - process;
    long retained = usedHeap() - heapBefore;
    // the loading thread's CPU is the critical path when the machine has cores to spare; the
    // process's includes the parsing helpers, the JIT compilers and the collector
    System.out.printf("first load (fresh JVM): %d ms CPU of the loading thread, %d ms CPU of the"
        + " process, %d ms wall; %d actors%n", cpu / 1_000_000, process / 1_000_000,
        wall / 1_000_000, defaults.actors().size());
    System.out.printf("retained heap: %.1f MB%n", retained / 1e6);

    Path dir = Files.createTempDirectory("demarche-actors");
    Path cameo = LoadBenchmark.copy(dir, "cameo-actors.tsv");
    Path curated = LoadBenchmark.copy(dir, "actors.tsv");
    long[] loads = new long[10];
    for (int i = 0; i < loads.length; i++) {
      long t = THREADS.getCurrentThreadCpuTime();
      ActorDictionary d = ActorDictionary.load(cameo).extendWith(ActorDictionary.load(curated));
      d.find("Secretary Kerry said.");
      loads[i] = THREADS.getCurrentThreadCpuTime() - t;
    }
    Arrays.sort(loads);
    System.out.printf("warm reload, median of %d: %d ms CPU (fastest %d ms)%n", loads.length,
        loads[loads.length / 2] / 1_000_000, loads[0] / 1_000_000);

    StanceModel model = Demarche.defaultModel();
    Analyzer withCameo = Demarche.analyzer(model, defaults);
    Analyzer curatedOnly = Demarche.analyzer(model, ActorDictionary.curated());
    Document doc = Document.of(AnalyzeBenchmark.joined(Corpus.documents(), 100 * 1024));
    double mb = doc.text().length() / 1e6;
    for (int i = 0; i < 3; i++) { // warm up both
      withCameo.analyze(doc);
      curatedOnly.analyze(doc);
    }
    double[] ratio = new double[7];
    double bestCameo = 0;
    double bestCurated = 0;
    for (int r = 0; r < ratio.length; r++) {
      double a = mbPerCpuSecond(withCameo, doc, mb);
      double b = mbPerCpuSecond(curatedOnly, doc, mb);
      ratio[r] = a / b;
      bestCameo = Math.max(bestCameo, a);
      bestCurated = Math.max(bestCurated, b);
    }
    Arrays.sort(ratio);
    System.out.printf("analyze, 100 KB document: %.2f MB/s of CPU with the CAMEO conversion,"
        + " %.2f MB/s with the curated entries alone (best rounds); median ratio %.2f%n",
        bestCameo, bestCurated, ratio[ratio.length / 2]);
  }

  private static double mbPerCpuSecond(Analyzer analyzer, Document doc, double mb) {
    long t = THREADS.getCurrentThreadCpuTime();
    int n = 0;
    do {
      analyzer.analyze(doc);
      n++;
    } while (THREADS.getCurrentThreadCpuTime() - t < 1_000_000_000L);
    return n * mb / ((THREADS.getCurrentThreadCpuTime() - t) / 1e9);
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
