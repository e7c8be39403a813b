package io.github.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.batch.BatchOptions;
import io.github.demarche.batch.ErrorPolicy;
import io.github.demarche.batch.RecordPipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard output as the command line makes it: characters and, for the batch pipeline, bytes. */
class CheckedPrintWriterTest {
  @Test
  void bytesAndPrintedTextKeepTheirOrder() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CheckedPrintWriter out = CheckedPrintWriter.utf8(sink);
    out.print("caf\u00e9 ");
    OutputStream bytes = out.bytes().orElseThrow();
    bytes.write("\u00e0 la ".getBytes(StandardCharsets.UTF_8));
    out.print("carte");
    out.flush();
    assertEquals("caf\u00e9 \u00e0 la carte", sink.toString(StandardCharsets.UTF_8));
    assertTrue(new CheckedPrintWriter(new java.io.StringWriter()).bytes().isEmpty());
  }

  @Test
  void aFailedByteWriteIsReportedWithItsReason() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    CheckedPrintWriter out = CheckedPrintWriter.utf8(full);
    RecordPipeline p = new RecordPipeline(BatchOptions.of(2, ErrorPolicy.FAIL), r -> List.of(r.json()));
    byte[] in = "{\"n\":1}\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> p.run("in", new ByteArrayInputStream(in), out.bytes().orElseThrow(), null));
    assertEquals("cannot write the output: No space left on device",
        CheckedPrintWriter.explained(out, e).getMessage());
    assertThrows(CheckedPrintWriter.OutputFailure.class, () -> CheckedPrintWriter.check(out));
  }
}
