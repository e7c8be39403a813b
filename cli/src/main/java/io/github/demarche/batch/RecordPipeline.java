package io.github.demarche.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.github.demarche.data.DataException;
import io.github.demarche.data.JsonLines;
import io.github.demarche.data.LineSplitter;
import io.github.demarche.data.RawLine;
import io.github.demarche.output.JsonOutput;
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
 * Streams JSON Lines through a {@link RecordFunction} (or, leaner, a {@link StatementFunction}):
 * reads records one line at a time, hands them in chunks to {@link BatchOptions#threads()} worker
 * threads, and writes each record's output lines in input order. At most {@link
 * BatchOptions#maxInFlight()} records (and about {@link BatchOptions#maxInFlightBytes()} bytes of
 * input) are held at once, so memory stays constant whatever the input's size. Every record yields
 * its output or, under {@link ErrorPolicy#REPORT}, one error object {@code {"line": N, "id": ...,
 * "field": ..., "error": "..."}} in its place; under {@link ErrorPolicy#FAIL} the first bad record
 * in input order ends the run with its {@link DataException}, after the outputs of all records
 * before it were written. Blank lines are not records and yield nothing. Every write is checked
 * (a {@link PrintWriter}'s error state after each chunk), so a full disk or a closed pipe ends the
 * run with an {@link UncheckedIOException} rather than losing output quietly. Immutable and
 * thread-safe; each {@link #run} uses its own threads.
 */
public final class RecordPipeline {
  private static final ObjectMapper JSON = JsonLines.mapper();
  /** Surrogates as escapes, so a lone one is not written as '?' (see {@link JsonOutput}). */
  private static final CharacterEscapes ESCAPES = JsonOutput.escapes();
  private static final ObjectWriter WRITER = JSON.writer().with(ESCAPES);
  /** The most records in one chunk: enough that hand-offs between threads cost little. */
  private static final int MAX_CHUNK_RECORDS = 256;

  private final BatchOptions options;
  private final Work work;

  /** A pipeline that parses each record into a tree and hands it to {@code function}. */
  public RecordPipeline(BatchOptions options, RecordFunction function) {
    this(options, function == null ? null : new TreeWork(function));
  }

  private RecordPipeline(BatchOptions options, Work work) {
    if (options == null || work == null) {
      throw new IllegalArgumentException("options and function are required");
    }
    this.options = options;
    this.work = work;
  }

  /**
   * The lean pipeline: reads only each record's {@code text}, {@code target} and {@code id},
   * passes every other field through as written (numbers exactly, strings re-escaped as JSON),
   * and adds {@code field} with the value {@code function} writes. A record that already holds
   * {@code field} loses its own value of it (counted in {@link BatchSummary#replaced()}). The
   * output is what the tree pipeline writes for the same records, except that numbers keep their
   * spelling and the added field comes last.
   */
  public static RecordPipeline ofStatements(BatchOptions options, String field, StatementFunction function) {
    return new RecordPipeline(options, new StatementWork(field, function));
  }

  /** How one record becomes output; called from several threads at once. */
  interface Work {
    /**
     * Writes the record's output lines (each ended by '\n', through {@link
     * ChunkOutput#generator()} or appended to {@link ChunkOutput#text}) and returns how many.
     */
    int process(String source, RawLine raw, ChunkOutput out);
  }

  /** The output of one chunk as it is built on a worker thread. Not thread-safe. */
  static final class ChunkOutput {
    final StringBuilder text = new StringBuilder();
    private JsonGenerator generator;
    /** The current record's id, once known, for its error object. */
    JsonNode id;
    /** Whether the current record held the added field already. */
    boolean replaced;

    /** A generator writing to {@link #text}; what it holds is flushed at the end of the record. */
    JsonGenerator generator() {
      if (generator == null) {
        try {
          generator = JSON.getFactory().createGenerator(new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
              text.append(cbuf, off, len);
            }

            @Override
            public void write(String s, int off, int len) {
              text.append(s, off, off + len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        generator.setCharacterEscapes(ESCAPES);
        generator.setRootValueSeparator(null);
      }
      return generator;
    }

    /** Ends a record written through the generator: flushes it into the text, then a newline. */
    void endRecord() {
      if (generator != null) {
        try {
          generator.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /** Forgets a record that failed part-way: its text from {@code mark} on, and the generator. */
    void rollBack(int mark) {
      generator = null; // whatever it buffered of the failed record goes with it
      text.setLength(mark);
    }
  }

  /** A run of consecutive records handed to one worker. */
  private static final class Chunk {
    final RawLine[] lines;
    int count;
    long bytes;

    Chunk(int capacity) {
      lines = new RawLine[capacity];
    }
  }

  /** What became of one chunk: its output, counts, and under FAIL its first bad record. */
  private record Outcome(String text, int records, long bytes, int failed, int outputLines,
      int replaced, long firstReplacedLine, DataException error) {}

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
   * @throws UncheckedIOException when the output cannot be written (a full disk, a closed pipe)
   */
  public BatchSummary run(String source, InputStream in, Writer out, LongConsumer progress) {
    LongConsumer onDone = progress != null ? progress : n -> {};
    Counts counts = new Counts();
    int threads = options.threads();
    ExecutorService pool = threads > 1 ? newPool(threads) : null;
    // a few chunks per thread in flight, so no worker waits for the writer
    int chunkRecords = (int) Math.max(1, Math.min(MAX_CHUNK_RECORDS, options.maxInFlight() / (4L * threads)));
    long chunkBytes = Math.max(1, options.maxInFlightBytes() / (4L * threads));
    ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
    long inFlightRecords = 0;
    long inFlightBytes = 0;
    try {
      LineSplitter lines = new LineSplitter(in, options.maxLineBytes());
      Chunk chunk = new Chunk(chunkRecords);
      while (true) {
        RawLine raw = readLine(source, lines);
        if (raw != null && raw.blank()) {
          counts.blank++;
          continue;
        }
        if (raw != null) {
          counts.records++;
          chunk.lines[chunk.count++] = raw;
          chunk.bytes += raw.length();
        }
        boolean full = chunk.count == chunkRecords || chunk.bytes >= chunkBytes;
        if (chunk.count > 0 && (full || raw == null)) {
          Chunk c = chunk;
          chunk = new Chunk(chunkRecords);
          if (pool == null) {
            write(process(source, c), out, counts, onDone);
          } else {
            while (!window.isEmpty() && (inFlightRecords + c.count > options.maxInFlight()
                || inFlightBytes + c.bytes > options.maxInFlightBytes())) {
              Outcome done = await(window.poll());
              inFlightRecords -= done.records();
              inFlightBytes -= done.bytes();
              write(done, out, counts, onDone);
            }
            window.add(pool.submit(() -> process(source, c)));
            inFlightRecords += c.count;
            inFlightBytes += c.bytes;
          }
        }
        if (raw == null) {
          break;
        }
      }
      while (!window.isEmpty()) {
        write(await(window.poll()), out, counts, onDone);
      }
      flush(out);
      return new BatchSummary(counts.records, counts.failed, counts.outputLines, counts.blank,
          counts.replaced, counts.firstReplacedLine);
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
    long replaced;
    long firstReplacedLine;
  }

  private static RawLine readLine(String source, LineSplitter lines) {
    try {
      return lines.next();
    } catch (IOException e) {
      throw new DataException(source, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  private Outcome process(String source, Chunk chunk) {
    ChunkOutput out = new ChunkOutput();
    int failed = 0;
    int outputLines = 0;
    int replaced = 0;
    long firstReplaced = 0;
    DataException error = null;
    int done = 0;
    for (; done < chunk.count; done++) {
      RawLine raw = chunk.lines[done];
      int mark = out.text.length();
      out.id = null;
      out.replaced = false;
      DataException bad;
      try {
        int n = work.process(source, raw, out);
        out.endRecord();
        outputLines += n;
        if (out.replaced) {
          replaced++;
          firstReplaced = firstReplaced == 0 ? raw.number() : firstReplaced;
        }
        continue;
      } catch (DataException e) {
        bad = e;
      } catch (IllegalArgumentException e) {
        bad = new DataException(source, raw.number(), null, String.valueOf(e.getMessage()));
      }
      out.rollBack(mark);
      if (options.onError() == ErrorPolicy.FAIL) {
        error = bad;
        break;
      }
      failed++;
      outputLines++;
      out.text.append(errorObject(raw.number(), out.id, bad)).append('\n');
    }
    return new Outcome(out.text.toString(), chunk.count, chunk.bytes, failed, outputLines, replaced,
        firstReplaced, error);
  }

  private static String errorObject(long line, JsonNode id, DataException error) {
    ObjectNode err = JSON.createObjectNode();
    err.put("line", line);
    if (id != null && (id.isTextual() || id.isNumber() || id.isPojo())) {
      err.set("id", id);
    }
    if (error.field() != null) {
      err.put("field", error.field());
    }
    err.put("error", error.getMessage());
    try {
      return WRITER.writeValueAsString(err);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error object", e);
    }
  }

  /** A JSON number written exactly as it was spelled in the input. */
  static JsonNode rawNumber(String spelling) {
    return JSON.getNodeFactory().rawValueNode(new RawValue(spelling));
  }

  private void write(Outcome o, Writer out, Counts counts, LongConsumer onDone) {
    try {
      if (!o.text().isEmpty()) {
        out.write(o.text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
    }
    counts.failed += o.failed();
    counts.outputLines += o.outputLines();
    if (o.replaced() > 0) {
      counts.firstReplacedLine = counts.replaced == 0 ? o.firstReplacedLine() : counts.firstReplacedLine;
      counts.replaced += o.replaced();
    }
    if (o.error() != null) {
      flush(out);
      throw o.error();
    }
    // a PrintWriter keeps its IOException to itself: ask it after every chunk (this also flushes)
    if (out instanceof PrintWriter pw && pw.checkError()) {
      throw new UncheckedIOException("cannot write the output", new IOException("write failed"));
    }
    counts.written += o.records();
    onDone.accept(counts.written);
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
    if (out instanceof PrintWriter pw && pw.checkError()) {
      throw new UncheckedIOException("cannot write the output", new IOException("write failed"));
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

  /** The tree path: each record parsed into an {@link ObjectNode} for a {@link RecordFunction}. */
  private static final class TreeWork implements Work {
    private final RecordFunction function;

    TreeWork(RecordFunction function) {
      this.function = function;
    }

    @Override
    public int process(String source, RawLine raw, ChunkOutput out) {
      ObjectNode json = JsonLines.decode(source, raw);
      out.id = json.get("id");
      List<ObjectNode> results = function.apply(new InputRecord(source, raw.number(), json));
      for (ObjectNode o : results) {
        try {
          out.text.append(WRITER.writeValueAsString(o)).append('\n');
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot write a result as JSON", e);
        }
      }
      return results.size();
    }
  }
}
