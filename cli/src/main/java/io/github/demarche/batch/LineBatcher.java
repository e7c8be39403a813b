package io.github.demarche.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The reader of a {@link RecordPipeline}: cuts a byte stream into {@link Batch}es of whole lines,
 * as raw bytes, without decoding or parsing anything; all it does per byte is look for {@code \n}.
 * A batch holds at most {@code maxLines} lines and stops at the first line end past {@code
 * maxBytes} bytes (so one long line is a batch of its own). A line longer than the line limit is
 * not kept: it is skipped up to its end and handed on as a batch that holds only its number and
 * length, so memory stays within one read buffer of at most the line limit (plus two bytes)
 * whatever the input. Not thread-safe: one reader, one thread.
 */
final class LineBatcher {
  /** The read buffer's usual size; it grows only for a line longer than this. */
  static final int BUFFER_BYTES = 1 << 20;

  private final InputStream in;
  private final int maxLineBytes;
  private final int maxLines;
  private final int maxBytes;
  private byte[] buf;
  /** The unconsumed bytes are {@code buf[start, limit)}. */
  private int start;
  private int limit;
  private boolean eof;
  private long nextLine = 1;

  /**
   * Whole lines of the input, in order: either {@code count} lines held in {@code bytes} (line
   * {@code i} ends before {@code ends[i]}, where its {@code \n} is or the input ends, and starts
   * after the previous one's end; a {@code \r} before the end is still there), or one line too
   * long to keep ({@code bytes} null, {@code tooLongLength} its length without the line end).
   * Owned by one thread at a time.
   */
  static final class Batch {
    final long firstLine;
    final byte[] bytes;
    final int[] ends;
    final int count;
    final long tooLongLength;

    private Batch(long firstLine, byte[] bytes, int[] ends, int count, long tooLongLength) {
      this.firstLine = firstLine;
      this.bytes = bytes;
      this.ends = ends;
      this.count = count;
      this.tooLongLength = tooLongLength;
    }

    /** The input bytes this batch stands for, for the in-flight budget. */
    long size() {
      return bytes == null ? tooLongLength : bytes.length;
    }
  }

  /**
   * @param in the input, read to its end (not closed)
   * @param maxLineBytes lines longer than this (without the line end) are not kept
   * @param maxLines the most lines in one batch, at least 1
   * @param maxBytes a batch ends at the first line end at or past this many bytes, at least 1
   */
  LineBatcher(InputStream in, int maxLineBytes, int maxLines, int maxBytes) {
    if (maxLineBytes < 1 || maxLines < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.maxLines = maxLines;
    this.maxBytes = maxBytes;
    this.buf = new byte[BUFFER_BYTES];
  }

  /** The next batch, or null at the end of the input. */
  Batch next() throws IOException {
    int[] ends = new int[maxLines];
    int count = 0;
    int scanned = 0; // relative to start: the batch's complete lines end before this
    while (true) {
      while (count < maxLines && scanned < maxBytes) {
        int nl = indexOfNewline(buf, start + scanned, limit);
        if (nl < 0) {
          break;
        }
        ends[count++] = nl - start;
        scanned = nl - start + 1;
      }
      if (count == maxLines || (count > 0 && scanned >= maxBytes)) {
        return emit(ends, count, scanned);
      }
      int partial = limit - start - scanned;
      if (eof) {
        if (partial > 0) {
          ends[count++] = limit - start;
          scanned = limit - start;
        }
        return count == 0 ? null : emit(ends, count, scanned);
      }
      if (partial > maxLineBytes + 1) { // even without a '\r' at its end it is too long
        return count > 0 ? emit(ends, count, scanned) : skipLongLine();
      }
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, limit - start);
        limit -= start;
        start = 0;
      } else if (limit == buf.length) {
        if (count > 0) {
          return emit(ends, count, scanned);
        }
        // one line fills the buffer and may still be short enough: room for it and a "\r\n"
        buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxLineBytes + 2L));
      }
      read();
    }
  }

  private void read() throws IOException {
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  private Batch emit(int[] ends, int count, int length) {
    Batch b = new Batch(nextLine, Arrays.copyOfRange(buf, start, start + length), ends, count, -1);
    nextLine += count;
    start += length;
    shrink();
    return b;
  }

  /** Reads past a line too long to keep, which starts at {@code start}, to its end. */
  private Batch skipLongLine() throws IOException {
    long length = limit - start;
    byte last = buf[limit - 1];
    start = 0;
    limit = 0;
    while (true) {
      read();
      if (eof) {
        break;
      }
      int nl = indexOfNewline(buf, 0, limit);
      if (nl >= 0) {
        length += nl;
        last = nl > 0 ? buf[nl - 1] : last;
        start = nl + 1;
        break;
      }
      length += limit;
      last = buf[limit - 1];
      limit = 0;
    }
    Batch b = new Batch(nextLine, null, null, 1, length - (last == '\r' ? 1 : 0));
    nextLine++;
    shrink();
    return b;
  }

  /** Gives back a buffer grown for a long line once what is left fits the usual size. */
  private void shrink() {
    if (buf.length > BUFFER_BYTES && limit - start <= BUFFER_BYTES) {
      byte[] smaller = new byte[BUFFER_BYTES];
      System.arraycopy(buf, start, smaller, 0, limit - start);
      limit -= start;
      start = 0;
      buf = smaller;
    }
  }

  private static int indexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
