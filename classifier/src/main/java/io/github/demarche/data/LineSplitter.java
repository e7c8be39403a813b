package io.github.demarche.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into {@link RawLine}s at {@code \n}, dropping a {@code \r} before it. It
 * works on bytes, not characters, so every line can be decoded (and its encoding errors reported)
 * on its own, with its exact line number; UTF-8 never uses the byte {@code \n} inside a
 * character. Memory stays within one buffer plus the longest line kept, whatever the input. Not
 * thread-safe: one reader, one thread.
 */
public final class LineSplitter implements Closeable {
  /** The default longest line kept: 8 MiB, far beyond any statement or news article. */
  public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long number;
  private byte[] line = new byte[256];
  private int lineLength;
  private long fullLength;
  private byte lastByte;

  /**
   * @param in the stream, read to its end and closed by {@link #close()}
   * @param maxLineBytes lines longer than this are reported as too long rather than kept
   */
  public LineSplitter(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("the line limit must be at least 1 byte, was " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream. */
  public RawLine next() throws IOException {
    lineLength = 0;
    fullLength = 0;
    lastByte = 0;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          return any ? finish() : null;
        }
      }
      any = true;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      append(pos, end - pos);
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) {
        return finish();
      }
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private void append(int from, int n) {
    if (n > 0) {
      lastByte = buf[from + n - 1];
    }
    fullLength += n;
    if (fullLength > maxLineBytes + 1L) {
      return; // too long already; count it, keep nothing more (one extra byte may be a '\r')
    }
    int keep = (int) Math.min(n, maxLineBytes + 1L - lineLength);
    if (lineLength + keep > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes + 1L, Math.max(lineLength + keep, 2L * line.length)));
    }
    System.arraycopy(buf, from, line, lineLength, keep);
    lineLength += keep;
  }

  private RawLine finish() {
    number++;
    int n = lineLength;
    if (fullLength <= maxLineBytes + 1L && n > 0 && line[n - 1] == '\r') {
      n--;
    }
    long length = fullLength > maxLineBytes + 1L ? fullLength - (lastByte == '\r' ? 1 : 0) : n;
    RawLine out = length > maxLineBytes
        ? new RawLine(number, null, length)
        : new RawLine(number, Arrays.copyOf(line, n), n);
    if (line.length > (1 << 20)) {
      line = new byte[256]; // do not keep a huge buffer alive for the lines after a long one
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
