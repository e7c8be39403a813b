package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails (a full disk, a closed pipe) fails the run; it is never lost with exit 0. */
class OutputFailureTest {
  private static final String ARTICLE = "Azerbaijan accused Armenia of shelling its positions."
      + " \\\"We will respond,\\\" said President Ilham Aliyev.";

  @TempDir Path dir;

  /** A writer that takes {@code room} characters, then fails every write with {@code reason}. */
  static final class FailingWriter extends Writer {
    private final String reason;
    private int room;
    int attempts;
    int failed;

    FailingWriter(String reason, int room) {
      this.reason = reason;
      this.room = room;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      attempts++;
      if (len > room) {
        room = 0;
        failed++;
        throw new IOException(reason);
      }
      room -= len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private Path documents(int n) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{\"id\":\"d").append(i).append("\",\"text\":\"").append(ARTICLE).append("\"}\n");
    }
    return Files.writeString(dir.resolve("docs.jsonl"), sb.toString());
  }

  private static CliBadInputTest.Run run(Writer out, String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new CheckedPrintWriter(out), new PrintWriter(err, true));
    return new CliBadInputTest.Run(code, "", err.toString());
  }

  @Test
  void analyzeToAFullDiskFailsWithOneLineNamingTheReason() throws IOException {
    CliBadInputTest.Run r = run(new FailingWriter("No space left on device", 0),
        "analyze", "--format", "jsonl", "--input-format", "jsonl", documents(3).toString());
    assertEquals(Main.EXIT_FAILURE, r.code(), r.err());
    assertEquals("demarche: cannot write the output: No space left on device", r.err().strip());
  }

  @Test
  void analyzeIntoAClosedPipeStopsAtTheFirstFailedDocumentQuietly() throws IOException {
    FailingWriter open = new FailingWriter("Broken pipe", Integer.MAX_VALUE);
    assertEquals(0, run(open, "analyze", "--input-format", "jsonl", documents(1).toString()).code());
    FailingWriter pipe = new FailingWriter("Broken pipe", 10);
    CliBadInputTest.Run r = run(pipe, "analyze", "--input-format", "jsonl", documents(40).toString());
    assertEquals(Main.EXIT_BROKEN_PIPE, r.code(), r.err());
    assertEquals("", r.err());
    // stopped after the first document whose output failed: without the check, all 40 documents
    // were analysed and written into nowhere
    assertTrue(pipe.failed <= open.attempts, "writes after the pipe closed: " + pipe.failed
        + ", writes of one document: " + open.attempts);
  }

  @Test
  void everyCommandsOutputToDevFullFailsTheRun() throws IOException {
    assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
    Path article = Files.writeString(dir.resolve("a.txt"), ARTICLE.replace("\\", ""));
    Path data = Files.writeString(dir.resolve("d.jsonl"),
        "{\"text\":\"We condemn the attack.\",\"label\":\"accusation\"}\n");
    String[][] commands = {
        {"analyze", article.toString()},
        {"analyze", "--summary", article.toString()},
        {"eval", "--data", data.toString()},
        {"eval", "--json", "--data", data.toString()},
        {"--help"},
    };
    for (String[] command : commands) {
      try (FileOutputStream full = new FileOutputStream("/dev/full")) {
        CliBadInputTest.Run r = run(new OutputStreamWriter(full, StandardCharsets.UTF_8), command);
        assertEquals(Main.EXIT_FAILURE, r.code(), String.join(" ", command) + ": " + r.err());
        assertEquals("demarche: cannot write the output: No space left on device", r.err().strip(),
            String.join(" ", command));
      }
    }
  }
}
