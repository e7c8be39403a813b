package io.github.demarche.cli;

import io.github.demarche.batch.BatchOptions;
import io.github.demarche.batch.BatchSummary;
import io.github.demarche.batch.ErrorPolicy;
import io.github.demarche.batch.RecordPipeline;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options and the run loop every JSON Lines batch command shares ({@code classify}, and
 * {@code analyze} for documents): threads, the error policy, the line limit, the language check
 * and the progress bar. One instance per command invocation; not thread-safe.
 */
final class BatchMixin {
  /** The default of {@code --threads}: every core the JVM may use. */
  static final int ALL_CORES = Runtime.getRuntime().availableProcessors();

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads (default: every core the JVM may use); output order is input"
          + " order whatever N")
  Integer threads;

  @Option(names = "--on-error", paramLabel = "POLICY", defaultValue = "fail",
      description = "fail: stop at the first bad record (default); report: write {\"line\":N,\"error\":...}"
          + " in its place, go on, and exit with code 3")
  ErrorPolicy onError;

  @Option(names = "--max-line-mb", paramLabel = "MB", defaultValue = "8",
      description = "longest input line accepted, in MiB (default: ${DEFAULT-VALUE}); longer lines are bad records")
  int maxLineMb;

  @Option(names = "--language-check", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "warn when sampled records look not English (default: on; costs a background model load)")
  boolean languageCheck;

  BatchOptions options() {
    int threads = this.threads == null ? Math.min(ALL_CORES, 256) : this.threads;
    if (threads < 1 || threads > 256) {
      throw new Main.UsageException("--threads must be in 1..256, was " + threads);
    }
    if (maxLineMb < 1 || maxLineMb > 1024) {
      throw new Main.UsageException("--max-line-mb must be in 1..1024, was " + maxLineMb);
    }
    return BatchOptions.of(threads, onError).withMaxLineBytes(maxLineMb << 20);
  }

  /**
   * Streams the input through the pipeline to the command's standard output.
   *
   * @throws java.io.UncheckedIOException when the output cannot be written, saying why when the
   *     output is the process's standard output
   */
  BatchSummary run(String task, String input, RecordPipeline pipeline, CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    try (InputStream in = JsonLines.openStream(input); Progress progress = Progress.start(task)) {
      var bytes = out instanceof CheckedPrintWriter c ? c.bytes() : Optional.<OutputStream>empty();
      // UTF-8 from the workers straight to the stream when there is one: no encoding on the writer
      return bytes.isPresent() ? pipeline.run(input, in, bytes.get(), progress)
          : pipeline.run(input, in, out, progress);
    } catch (IOException e) {
      throw new DataException(input, 0, null, "cannot be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw CheckedPrintWriter.explained(out, e);
    }
  }

  /** Reports the run's outcome on standard error and picks the exit code. */
  int exitCode(String input, BatchSummary summary, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    if (summary.records() == 0) {
      err.println("demarche: warning: " + input + " holds no records; nothing to do");
    }
    if (summary.failed() > 0) {
      err.println("demarche: " + input + ": " + summary.failed() + " of " + summary.records()
          + " records failed; each has an error object in its place in the output");
      return Main.EXIT_RECORDS_FAILED;
    }
    return 0;
  }

  /** A progress bar on standard error when it is a terminal; otherwise nothing. */
  interface Progress extends LongConsumer, AutoCloseable {
    @Override
    void close();

    static Progress start(String task) {
      if (!stderrIsTerminal()) {
        return new Progress() {
          @Override
          public void accept(long done) {}

          @Override
          public void close() {}
        };
      }
      return new TerminalProgress(task);
    }

    /**
     * Whether standard error is a terminal. {@code System.console()} answers for standard input
     * and output, so it is null in the usual {@code classify in.jsonl > out.jsonl}; on Linux,
     * where file descriptor 2 shows as a link under /proc, that link says; elsewhere the console
     * decides.
     */
    static boolean stderrIsTerminal() {
      Path fd2 = Path.of("/proc/self/fd/2");
      try {
        if (Files.isSymbolicLink(fd2)) {
          String target = Files.readSymbolicLink(fd2).toString();
          return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        // fall back to the console
      }
      return System.console() != null;
    }
  }
}
