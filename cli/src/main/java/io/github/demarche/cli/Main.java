package io.github.demarche.cli;

import io.github.demarche.data.DataException;
import io.github.demarche.data.Printable;
import io.github.demarche.model.LibraryVersion;
import io.github.demarche.model.ModelFormatException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code demarche} command line: train, eval, classify and analyze. Errors in the user's
 * input end the run with one line on standard error naming the file, line and problem, and a
 * non-zero exit code; never a stack trace. Not thread-safe; run one per process.
 */
@Command(
    name = "demarche",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds statements in diplomatic news and classifies the positions they take.",
    subcommands = {
      TrainCommand.class,
      EvalCommand.class,
      ClassifyCommand.class,
      AnalyzeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for bad input: a missing or malformed file, a bad option value. */
  public static final int EXIT_INPUT = 2;
  /** Exit code for a failure that is not the input's fault. */
  public static final int EXIT_FAILURE = 1;
  /**
   * Exit code of a batch command run with {@code --on-error report} when some records failed: the
   * output holds an error object in each failed record's place, and every other record's result.
   */
  public static final int EXIT_RECORDS_FAILED = 3;
  /**
   * Exit code when the reader of the output went away ({@code demarche analyze ... | head -1}):
   * the run stops at once, quietly, with the status a shell shows for a program ended by SIGPIPE
   * (128 + 13).
   */
  public static final int EXIT_BROKEN_PIPE = 141;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: train, eval, classify or analyze");
  }

  public static void main(String[] args) {
    Preload.start(args);
    int code;
    // UTF-8 whatever the platform's default, so no character is lost to a '?' in a C locale
    PrintWriter out = CheckedPrintWriter.utf8(new FileOutputStream(FileDescriptor.out));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    try {
      code = run(args, out, err);
    } catch (OutOfMemoryError e) {
      err.println(outOfMemoryAdvice(args));
      code = EXIT_FAILURE;
    } catch (StackOverflowError e) {
      err.println("demarche: internal error: stack overflow; set DEMARCHE_DEBUG=1 and please report it");
      code = EXIT_FAILURE;
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** What to do about running out of memory, naming only options the command has. */
  static String outOfMemoryAdvice(String[] args) {
    return "demarche: out of memory; give the JVM more (JAVA_OPTS=-Xmx...)"
        + (hasBatchOptions(args) ? ", or lower --threads or --max-line-mb" : "");
  }

  /** Whether the command named in the arguments has --threads and --max-line-mb (classify). */
  static boolean hasBatchOptions(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a.equals("classify");
      }
    }
    return false;
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (CheckedPrintWriter.OutputFailure.isBrokenPipe(e)) {
            return EXIT_BROKEN_PIPE;
          }
          if (e instanceof DataException || e instanceof ModelFormatException
              || e instanceof UsageException) {
            err.println("demarche: " + e.getMessage());
            return EXIT_INPUT;
          }
          if (e instanceof IllegalArgumentException) {
            // the message may quote a setting's value: keep it one safe line
            err.println("demarche: " + Printable.oneLine(String.valueOf(e.getMessage())));
            return EXIT_INPUT;
          }
          if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
            err.println("demarche: " + e.getMessage());
            return EXIT_FAILURE;
          }
          err.println("demarche: internal error: " + e);
          if (System.getenv("DEMARCHE_DEBUG") != null) {
            e.printStackTrace(err);
          } else {
            err.println("demarche: set DEMARCHE_DEBUG=1 for the stack trace, and please report it");
          }
          return EXIT_FAILURE;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("demarche: " + ex.getMessage());
          err.println("Try 'demarche " + (ex.getCommandLine().getCommandName().equals("demarche") ? ""
              : ex.getCommandLine().getCommandName() + " ") + "--help' for more.");
          return EXIT_INPUT;
        });
    int code = cl.execute(args);
    if (code != 0 && code != EXIT_RECORDS_FAILED) {
      return code; // failed already, and said why
    }
    // every command's output ends here: a write that failed on the way (a full disk, a closed
    // pipe) means the output is incomplete, so the run fails even when the command finished
    try {
      CheckedPrintWriter.check(out);
    } catch (CheckedPrintWriter.OutputFailure e) {
      if (CheckedPrintWriter.OutputFailure.isBrokenPipe(e)) {
        return EXIT_BROKEN_PIPE;
      }
      err.println("demarche: " + e.getMessage());
      return EXIT_FAILURE;
    }
    return code;
  }

  /** A problem with how the command was called, shown as one line. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"demarche " + LibraryVersion.get()};
    }
  }
}
