package io.github.demarche.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The command line's standard output: a {@link PrintWriter} (which swallows write errors) that
 * remembers the first {@link IOException} its writer threw, so a full disk or a closed pipe can be
 * reported with its reason. {@link #check} turns a failed write into an {@link OutputFailure}.
 * Not thread-safe beyond what {@link PrintWriter} guarantees; one per process.
 */
final class CheckedPrintWriter extends PrintWriter {
  private final Recorder recorder;
  /** The byte stream under the writer, when there is one to write bytes to directly. */
  private final OutputStream stream;

  CheckedPrintWriter(Writer out) {
    this(new Recorder(out), null);
  }

  private CheckedPrintWriter(Recorder recorder, OutputStream stream) {
    super(recorder, false);
    this.recorder = recorder;
    this.stream = stream;
  }

  /** A writer of UTF-8 to {@code stream} that can also hand out the stream ({@link #bytes()}). */
  static CheckedPrintWriter utf8(OutputStream stream) {
    OutputStream buffered = new BufferedOutputStream(stream, 1 << 16);
    return new CheckedPrintWriter(new Recorder(new BufferedWriter(
        new OutputStreamWriter(buffered, StandardCharsets.UTF_8), 1 << 16)), buffered);
  }

  /**
   * The stream under this writer, for output that is UTF-8 already (the batch pipeline's): each
   * write first flushes what was printed before, so the two keep their order, and a failed write
   * is remembered as the writer's are. Empty when the writer was made over a {@link Writer}.
   */
  Optional<OutputStream> bytes() {
    if (stream == null) {
      return Optional.empty();
    }
    return Optional.of(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        CheckedPrintWriter.this.flush();
        if (checkError()) {
          throw recorder.first != null ? recorder.first : new IOException("write error");
        }
        try {
          stream.write(b, off, len);
        } catch (IOException e) {
          throw recorder.keep(e);
        }
      }

      @Override
      public void flush() throws IOException {
        CheckedPrintWriter.this.flush();
        try {
          stream.flush();
        } catch (IOException e) {
          throw recorder.keep(e);
        }
      }
    });
  }

  /**
   * Flushes {@code out} and throws when any write to it so far has failed.
   *
   * @throws OutputFailure naming the reason when {@code out} is a {@link CheckedPrintWriter}
   */
  static void check(PrintWriter out) {
    if (out.checkError()) {
      throw new OutputFailure(out instanceof CheckedPrintWriter c && c.recorder.first != null
          ? c.recorder.first : new IOException("write error"));
    }
  }

  /**
   * A write failure with its reason in the message when {@code out} is a {@link
   * CheckedPrintWriter} that saw the underlying error; otherwise the failure itself.
   */
  static UncheckedIOException explained(Writer out, UncheckedIOException e) {
    if (out instanceof CheckedPrintWriter c && c.recorder.first != null
        && !String.valueOf(e.getMessage()).contains(String.valueOf(c.recorder.first.getMessage()))) {
      return new UncheckedIOException("cannot write the output: " + c.recorder.first.getMessage(),
          c.recorder.first);
    }
    return e;
  }

  /** A write to the output failed: the results are incomplete, so the run must fail. */
  static final class OutputFailure extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    OutputFailure(IOException cause) {
      super("cannot write the output: " + cause.getMessage(), cause);
    }

    /**
     * Whether the reader went away ({@code ... | head}): the usual Unix answer is to stop at once
     * and quietly, as a program killed by SIGPIPE does.
     */
    static boolean isBrokenPipe(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String m = t.getMessage();
        if (t instanceof IOException && m != null
            && (m.contains("Broken pipe") || m.contains("pipe is being closed"))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Passes everything on, keeping the first exception. */
  private static final class Recorder extends Writer {
    private final Writer out;
    private volatile IOException first;

    Recorder(Writer out) {
      this.out = out;
    }

    private IOException keep(IOException e) {
      if (first == null) {
        first = e;
      }
      return e;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      try {
        out.write(cbuf, off, len);
      } catch (IOException e) {
        throw keep(e);
      }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      try {
        out.write(str, off, len);
      } catch (IOException e) {
        throw keep(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw keep(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw keep(e);
      }
    }
  }
}
