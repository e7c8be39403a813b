package io.github.demarche.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.LineSplitter;
import io.github.demarche.data.RawLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pipeline's reader: batches of whole raw lines, cut as {@link LineSplitter} cuts lines. */
class LineBatcherTest {
  /** A stream that returns at most {@code most} bytes a read, as a pipe may. */
  private static InputStream trickle(byte[] bytes, int most) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, most));
      }
    };
  }

  /** Every line of every batch as a RawLine (content without "\r\n"), checking batch limits. */
  private static List<RawLine> lines(InputStream in, int maxLineBytes, int maxLines, int maxBytes)
      throws IOException {
    LineBatcher batcher = new LineBatcher(in, maxLineBytes, maxLines, maxBytes);
    List<RawLine> out = new ArrayList<>();
    LineBatcher.Batch b;
    long expectedFirst = 1;
    while ((b = batcher.next()) != null) {
      assertEquals(expectedFirst, b.firstLine, "batches follow each other without a gap");
      assertTrue(b.count >= 1 && b.count <= maxLines, "lines in a batch: " + b.count);
      expectedFirst += b.count;
      if (b.bytes == null) {
        assertEquals(1, b.count);
        out.add(new RawLine(b.firstLine, null, b.tooLongLength));
        continue;
      }
      int from = 0;
      for (int i = 0; i < b.count; i++) {
        int to = b.ends[i];
        if (i < b.count - 1) {
          assertTrue(to + 1 < maxBytes, "a batch ends at the first line end past its byte budget");
        }
        int end = to > from && b.bytes[to - 1] == '\r' ? to - 1 : to;
        byte[] content = Arrays.copyOfRange(b.bytes, from, end);
        out.add(content.length > maxLineBytes
            ? new RawLine(b.firstLine + i, null, content.length)
            : new RawLine(b.firstLine + i, content, content.length));
        from = to + 1;
      }
    }
    assertNull(batcher.next());
    return out;
  }

  private static List<RawLine> splitterLines(byte[] bytes, int maxLineBytes) throws IOException {
    LineSplitter s = new LineSplitter(new ByteArrayInputStream(bytes), maxLineBytes);
    List<RawLine> out = new ArrayList<>();
    for (RawLine l; (l = s.next()) != null; ) {
      out.add(l);
    }
    return out;
  }

  private static void assertSameLines(List<RawLine> expected, List<RawLine> actual) {
    assertEquals(expected.size(), actual.size(), "line count");
    for (int i = 0; i < expected.size(); i++) {
      RawLine e = expected.get(i);
      RawLine a = actual.get(i);
      assertEquals(e.number(), a.number());
      assertEquals(e.length(), a.length(), "length of line " + e.number());
      assertEquals(e.tooLong(), a.tooLong(), "too long: line " + e.number());
      if (!e.tooLong()) {
        assertArrayEquals(e.bytes(), a.bytes(), "line " + e.number());
      }
    }
  }

  @Test
  void cutsLinesExactlyAsTheLineSplitterDoesWhateverTheReadSizes() throws IOException {
    Random random = new Random(12);
    byte[] alphabet = "ab {}\"\r\n\t\u00e9".getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      int n = random.nextInt(400);
      for (int i = 0; i < n; i++) {
        // mostly short lines, some long ones, now and then a run without line ends
        int len = random.nextInt(10) == 0 ? random.nextInt(300) : random.nextInt(20);
        for (int j = 0; j < len; j++) {
          input.write(alphabet[random.nextInt(alphabet.length)]);
        }
      }
      byte[] bytes = input.toByteArray();
      int maxLineBytes = 1 + random.nextInt(120);
      int maxLines = 1 + random.nextInt(9);
      int maxBytes = 1 + random.nextInt(200);
      assertSameLines(splitterLines(bytes, maxLineBytes),
          lines(trickle(bytes, 1 + random.nextInt(64)), maxLineBytes, maxLines, maxBytes));
    }
  }

  @Test
  void keepsALineLongerThanTheReadBufferWhenItIsWithinTheLimit() throws IOException {
    byte[] big = new byte[3 * LineBatcher.BUFFER_BYTES + 5];
    Arrays.fill(big, (byte) 'x');
    byte[] in = concat("a\n".getBytes(StandardCharsets.UTF_8), big,
        "\r\nb\n".getBytes(StandardCharsets.UTF_8));
    List<RawLine> l = lines(trickle(in, 100_000), 8 << 20, 128, 1 << 16);
    assertEquals(3, l.size());
    assertArrayEquals(big, l.get(1).bytes());
    assertEquals("b", new String(l.get(2).bytes(), StandardCharsets.UTF_8));
    assertEquals(3, l.get(2).number());
  }

  @Test
  void skipsALineOverTheLimitKeepingItsLengthAndTheNumbersAfterIt() throws IOException {
    byte[] big = new byte[2 * LineBatcher.BUFFER_BYTES + 7];
    Arrays.fill(big, (byte) 'y');
    byte[] in = concat("a\n\n".getBytes(StandardCharsets.UTF_8), big,
        "\r\nb\nc".getBytes(StandardCharsets.UTF_8));
    List<RawLine> l = lines(trickle(in, 70_000), LineBatcher.BUFFER_BYTES / 2, 128, 1 << 16);
    assertSameLines(splitterLines(in, LineBatcher.BUFFER_BYTES / 2), l);
    assertEquals(5, l.size());
    assertTrue(l.get(2).tooLong());
    assertEquals(big.length, l.get(2).length());
    assertEquals(5, l.get(4).number());
  }

  @Test
  void anEmptyInputHasNoBatches() throws IOException {
    assertNull(new LineBatcher(new ByteArrayInputStream(new byte[0]), 10, 4, 4).next());
    assertEquals(1, lines(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), 10, 4, 4).size());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
