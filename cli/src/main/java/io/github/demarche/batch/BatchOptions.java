package io.github.demarche.batch;

import io.github.demarche.data.LineSplitter;

/**
 * How a {@link RecordPipeline} runs. Immutable and thread-safe.
 *
 * @param threads worker threads, at least 1 (1 runs everything on the caller's thread)
 * @param onError what to do with a bad record
 * @param maxLineBytes the longest input line accepted; longer lines are bad records
 * @param maxInFlight the most records read but not yet written, at least {@code threads}; with
 *     {@code maxInFlightBytes} this bounds memory whatever the input's size
 * @param maxInFlightBytes the most input bytes read but not yet written (one record is always
 *     let in, however long)
 */
public record BatchOptions(
    int threads, ErrorPolicy onError, int maxLineBytes, int maxInFlight, long maxInFlightBytes) {
  /** The in-flight byte budget of {@link #of(int, ErrorPolicy)}: 16 MiB. */
  public static final long DEFAULT_IN_FLIGHT_BYTES = 16L << 20;

  public BatchOptions {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in 1..1024, was " + threads);
    }
    if (onError == null) {
      throw new IllegalArgumentException("an error policy is required");
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, was " + maxLineBytes);
    }
    if (maxInFlight < threads) {
      throw new IllegalArgumentException(
          "maxInFlight (" + maxInFlight + ") must be at least the thread count (" + threads + ")");
    }
    if (maxInFlightBytes < 1) {
      throw new IllegalArgumentException("maxInFlightBytes must be positive, was " + maxInFlightBytes);
    }
  }

  /**
   * Options with the default line limit and a window of 512 records per thread (handed to the
   * threads in batches of up to 128 lines, so that hand-offs cost little beside the work).
   */
  public static BatchOptions of(int threads, ErrorPolicy onError) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in 1..1024, was " + threads);
    }
    return new BatchOptions(threads, onError, LineSplitter.DEFAULT_MAX_LINE_BYTES, 512 * threads,
        DEFAULT_IN_FLIGHT_BYTES);
  }

  /** These options with another line limit. */
  public BatchOptions withMaxLineBytes(int bytes) {
    return new BatchOptions(threads, onError, bytes, maxInFlight, maxInFlightBytes);
  }
}
