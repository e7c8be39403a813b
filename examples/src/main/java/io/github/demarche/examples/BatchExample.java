package io.github.demarche.examples;

import io.github.demarche.Demarche;
import io.github.demarche.api.Analyzer;
import io.github.demarche.data.DataException;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import io.github.demarche.output.AtomicFile;
import io.github.demarche.output.OutputPaths;
import io.github.demarche.output.StatementJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analyses a large JSON Lines file of documents ({@code text}, optional {@code id} or {@code
 * doc_id}) on all cores with one shared analyzer, prints progress to standard error, optionally
 * writes every statement as JSON Lines in input order, and ends with a table of positions by
 * speaker actor. Memory stays bounded: at most {@code 8 x threads} documents are in flight, and
 * the reader waits for the oldest before reading more. A malformed line stops the run with its
 * file and line number. An instance runs one batch at a time; it is not thread-safe.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl examples -am process-classes
 * -Dexample=BatchExample -Dexec.args="DOCS.jsonl [STATEMENTS.jsonl]"} (add {@code -Dthreads=N} to
 * use N threads instead of one per core).
 */
public final class BatchExample {

  private final Analyzer analyzer;
  private final int threads;
  private final PrintStream progress;
  private final long progressMillis;

  /**
   * @param analyzer shared by every worker (Demarche analyzers are thread-safe)
   * @param threads worker threads, at least 1
   * @param progress where progress lines go (standard error in the command)
   * @param progressMillis how often a progress line is printed
   */
  public BatchExample(Analyzer analyzer, int threads, PrintStream progress, long progressMillis) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.analyzer = analyzer;
    this.threads = threads;
    this.progress = progress;
    this.progressMillis = progressMillis;
  }

  /** What a run saw: documents read, and the positions by actor of their statements. */
  public record Result(long documents, PositionTable table, double seconds) {}

  /** One analysed document, in input order. */
  private record Analysed(String id, List<Statement> statements) {}

  public static void main(String[] args) throws Exception {
    int code = cli(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command line with its streams; returns the exit code (0, 1 write failed, 2 bad input). */
  static int cli(String[] args, PrintStream stdout, PrintStream stderr) throws Exception {
    if (args.length < 1 || args.length > 2) {
      stderr.println("usage: BatchExample DOCUMENTS.jsonl [STATEMENTS-OUT.jsonl]");
      return 2;
    }
    int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
    if (args.length > 1 && OutputPaths.same(Path.of(args[1]), Path.of(args[0]))) {
      stderr.println("error: " + args[1] + " is the input; writing it would destroy it");
      return 2;
    }
    BatchExample batch = new BatchExample(Demarche.analyzer(), threads, stderr, 2000);
    // the statements go to a temporary file that replaces STATEMENTS-OUT only when all were
    // written: a failed run (bad input, full disk) leaves no half-written file behind
    try (AtomicFile.Replacement file = args.length > 1 ? AtomicFile.replace(Path.of(args[1])) : null) {
      Writer out = file == null ? null : new BufferedWriter(
          new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
      Result r = batch.run(args[0], out);
      if (file != null) {
        out.close();
        file.commit();
      }
      stdout.printf(Locale.ROOT, "%d documents, %d statements, %d threads, %.1f s%n%n",
          r.documents(), r.table().statements(), threads, r.seconds());
      stdout.print(r.table().render());
    } catch (DataException e) {
      stderr.println("error: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      stderr.println("error: cannot write the statements: " + e.getMessage());
      return 1;
    }
    if (stdout.checkError()) { // a PrintStream keeps write errors to itself
      stderr.println("error: cannot write the table to standard output");
      return 1;
    }
    return 0;
  }


  /**
   * Analyses every document of {@code file}; writes statements to {@code out} unless it is null.
   *
   * @throws DataException naming the file and line of the first document that cannot be read
   */
  public Result run(String file, Writer out) throws IOException, InterruptedException {
    long started = System.nanoTime();
    AtomicLong documents = new AtomicLong();
    AtomicLong statements = new AtomicLong();
    PositionTable table = new PositionTable();
    int maxInFlight = 8 * threads;
    Deque<Future<Analysed>> inFlight = new ArrayDeque<>();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
    reporter.scheduleAtFixedRate(() -> report(documents.get(), statements.get(), started),
        progressMillis, progressMillis, TimeUnit.MILLISECONDS);
    try {
      JsonLines.forEach(file, line -> {
        String text = Datasets.requiredText(file, line.number(), line.object());
        String id = id(file, line);
        inFlight.add(workers.submit(() -> new Analysed(id, analyzer.analyze(new Document(id, text)))));
        if (inFlight.size() >= maxInFlight) {
          take(inFlight.poll(), out, table, documents, statements);
        }
      });
      while (!inFlight.isEmpty()) {
        take(inFlight.poll(), out, table, documents, statements);
      }
      if (out != null) {
        out.flush();
      }
    } finally {
      reporter.shutdownNow();
      workers.shutdownNow();
    }
    report(documents.get(), statements.get(), started);
    return new Result(documents.get(), table, (System.nanoTime() - started) / 1e9);
  }

  private static String id(String file, JsonLines.Line line) {
    String id = Datasets.optionalString(file, line.number(), line.object(), "id");
    if (id == null) {
      id = Datasets.optionalString(file, line.number(), line.object(), "doc_id");
    }
    return id != null ? id : file + ":" + line.number();
  }

  /** Waits for the oldest document, then writes and counts its statements. */
  private static void take(Future<Analysed> next, Writer out, PositionTable table,
      AtomicLong documents, AtomicLong statements) {
    Analysed a;
    try {
      a = next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the analysis", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    for (Statement s : a.statements()) {
      table.add(s);
      if (out != null) {
        StatementJson.write(out, a.id(), s);  // the fields of analyze --format jsonl
      }
    }
    statements.addAndGet(a.statements().size());
    documents.incrementAndGet();
  }

  private void report(long documents, long statements, long started) {
    double seconds = (System.nanoTime() - started) / 1e9;
    progress.printf(Locale.ROOT, "%,d documents, %,d statements, %.1f documents/s%n", documents,
        statements, documents / Math.max(seconds, 1e-9));
  }
}
