package io.github.demarche.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.data.LineSplitter;
import io.github.demarche.data.RawLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Streams JSON Lines through a {@link RecordFunction}: reads records one line at a time, processes
 * them on {@link BatchOptions#threads()} worker threads, and writes each record's output lines in
 * input order. At most {@link BatchOptions#maxInFlight()} records (and about {@link
 * BatchOptions#maxInFlightBytes()} bytes of input) are held at once, so memory stays constant
 * whatever the input's size. Every record yields its output or, under {@link ErrorPolicy#REPORT},
 * one error object {@code {"line": N, "id": ..., "field": ..., "error": "..."}} in its place;
 * under {@link ErrorPolicy#FAIL} the first bad record in input order ends the run with its {@link
 * DataException}, after the outputs of all records before it were written. Blank lines are not
 * records and yield nothing. Immutable and thread-safe; each {@link #run} uses its own threads.
 */
public final class RecordPipeline {
  private static final ObjectMapper JSON = JsonLines.mapper();
  /**
   * Writes surrogates as {@code \\uXXXX} escapes: a lone one (legal in a JSON string, not
   * encodable in UTF-8) would otherwise become '?' on output, and pairs stay exact as escapes too.
   */
  private static final ObjectWriter WRITER = JSON.writer().with(new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return Character.isSurrogate((char) ch)
          ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
  });
  private static final int CHECK_OUTPUT_EVERY = 1024;

  private final BatchOptions options;
  private final RecordFunction function;

  public RecordPipeline(BatchOptions options, RecordFunction function) {
    if (options == null || function == null) {
      throw new IllegalArgumentException("options and function are required");
    }
    this.options = options;
    this.function = function;
  }

  /** What became of one record: its output text (lines joined by '\n'), or its error. */
  private record Outcome(long line, long bytes, String text, int lines, DataException error, JsonNode id) {}

  /**
   * Runs the pipeline over one input.
   *
   * @param source the input's name for messages and for {@link InputRecord#source()}
   * @param in the input, read to its end (not closed)
   * @param out where output lines go; flushed at the end and before a failure is thrown
   * @param progress told the number of records finished so far, on the caller's thread; may be
   *     null
   * @throws DataException under {@link ErrorPolicy#FAIL}, for the first bad record; and under
   *     either policy when the input cannot be read
   * @throws UncheckedIOException when the output cannot be written (for example a closed pipe)
   */
  public BatchSummary run(String source, InputStream in, Writer out, LongConsumer progress) {
    LongConsumer onDone = progress != null ? progress : n -> {};
    Counts counts = new Counts();
    ExecutorService pool = options.threads() > 1 ? newPool(options.threads()) : null;
    ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
    long inFlightBytes = 0;
    try {
      LineSplitter lines = new LineSplitter(in, options.maxLineBytes());
      while (true) {
        RawLine raw = readLine(source, lines);
        if (raw == null) {
          break;
        }
        if (raw.blank()) {
          counts.blank++;
          continue;
        }
        counts.records++;
        if (pool == null) {
          write(process(source, raw), out, counts, onDone);
          continue;
        }
        while (!window.isEmpty() && (window.size() >= options.maxInFlight()
            || inFlightBytes + raw.length() > options.maxInFlightBytes())) {
          Outcome done = await(window.poll());
          inFlightBytes -= done.bytes();
          write(done, out, counts, onDone);
        }
        window.add(pool.submit(() -> process(source, raw)));
        inFlightBytes += raw.length();
      }
      while (!window.isEmpty()) {
        write(await(window.poll()), out, counts, onDone);
      }
      flush(out);
      return new BatchSummary(counts.records, counts.failed, counts.outputLines, counts.blank);
    } catch (RuntimeException | Error e) {
      flushQuietly(out);
      throw e;
    } finally {
      if (pool != null) {
        window.forEach(f -> f.cancel(true));
        pool.shutdownNow();
      }
    }
  }

  private static final class Counts {
    long records;
    long failed;
    long outputLines;
    long blank;
    long written;
  }

  private static RawLine readLine(String source, LineSplitter lines) {
    try {
      return lines.next();
    } catch (IOException e) {
      throw new DataException(source, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  private Outcome process(String source, RawLine raw) {
    ObjectNode json = null;
    try {
      json = JsonLines.decode(source, raw);
      JsonNode id = json.get("id");
      List<ObjectNode> results = function.apply(new InputRecord(source, raw.number(), json));
      StringBuilder sb = new StringBuilder();
      for (ObjectNode o : results) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(WRITER.writeValueAsString(o));
      }
      return new Outcome(raw.number(), raw.length(), sb.toString(), results.size(), null, id);
    } catch (DataException e) {
      return failure(raw, e, json);
    } catch (IllegalArgumentException e) {
      return failure(raw, new DataException(source, raw.number(), null, String.valueOf(e.getMessage())), json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a result as JSON", e);
    }
  }

  private static Outcome failure(RawLine raw, DataException e, ObjectNode json) {
    JsonNode id = json == null ? null : json.get("id");
    return new Outcome(raw.number(), raw.length(), null, 1, e, id);
  }

  private void write(Outcome o, Writer out, Counts counts, LongConsumer onDone) {
    String text;
    if (o.error() == null) {
      text = o.text();
    } else if (options.onError() == ErrorPolicy.FAIL) {
      throw o.error();
    } else {
      counts.failed++;
      ObjectNode err = JSON.createObjectNode();
      err.put("line", o.line());
      if (o.id() != null && (o.id().isTextual() || o.id().isNumber())) {
        err.set("id", o.id());
      }
      if (o.error().field() != null) {
        err.put("field", o.error().field());
      }
      err.put("error", o.error().getMessage());
      try {
        text = WRITER.writeValueAsString(err);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write an error object", e);
      }
    }
    try {
      if (!text.isEmpty()) {
        out.write(text);
        out.write('\n');
        counts.outputLines += o.lines();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
    }
    long done = ++counts.written;
    if (out instanceof PrintWriter pw && done % CHECK_OUTPUT_EVERY == 0 && pw.checkError()) {
      throw new UncheckedIOException("cannot write the output (closed?)", new IOException("output closed"));
    }
    onDone.accept(done);
  }

  private static Outcome await(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a record", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
    }
  }

  private static void flushQuietly(Writer out) {
    try {
      out.flush();
    } catch (IOException ignored) {
      // the failure being thrown matters more than this one
    }
  }

  private static ExecutorService newPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "demarche-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
