package io.github.demarche.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output as UTF-8 text, whatever the platform's default. Like every
 * {@link PrintWriter} it keeps write errors to itself ({@link #checkError()}); unlike them it
 * also remembers the first one's message ("No space left on device", "Broken pipe"), so a failed
 * run can say why. Not thread-safe beyond what {@link PrintWriter} promises.
 */
final class StdoutWriter extends PrintWriter {
  private final Recorder recorder;

  private StdoutWriter(Recorder recorder) {
    super(recorder, false);
    this.recorder = recorder;
  }

  /** Standard output, buffered by 64 KiB. */
  static StdoutWriter open() {
    return new StdoutWriter(new Recorder(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16)));
  }

  /** The message of the first write error, or null when every write so far succeeded. */
  String failure() {
    return recorder.failure;
  }

  /**
   * A write failure with its reason in the message when {@code out} is standard output and knows
   * it; otherwise the failure itself.
   */
  static UncheckedIOException explained(Writer out, UncheckedIOException e) {
    if (out instanceof StdoutWriter s && s.failure() != null && !e.getMessage().contains(s.failure())) {
      return new UncheckedIOException("cannot write the output: " + s.failure(), e.getCause());
    }
    return e;
  }

  /** Passes everything on, remembering the first failure's message. */
  private static final class Recorder extends Writer {
    private final Writer out;
    private volatile String failure;

    Recorder(Writer out) {
      this.out = out;
    }

    private IOException seen(IOException e) {
      if (failure == null) {
        failure = String.valueOf(e.getMessage());
      }
      return e;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      try {
        out.write(cbuf, off, len);
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      try {
        out.write(s, off, len);
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void write(int c) throws IOException {
      try {
        out.write(c);
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw seen(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw seen(e);
      }
    }
  }
}
