package io.github.demarche.batch;

import com.fasterxml.jackson.core.JsonEncoding;
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
import io.github.demarche.data.RawLine;
import io.github.demarche.output.JsonOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Streams JSON Lines through a {@link RecordFunction} (or, leaner, a {@link StatementFunction}):
 * the caller's thread cuts the input into batches of raw lines (it only looks for line ends), hands
 * them to {@link BatchOptions#threads()} worker threads, which parse, process and encode each
 * batch's output as UTF-8, and writes the finished batches in input order. At most {@link
 * BatchOptions#maxInFlight()} records (and about {@link BatchOptions#maxInFlightBytes()} bytes of
 * input) are held at once, so memory stays constant whatever the input's size. Every record yields
 * its output or, under {@link ErrorPolicy#REPORT}, one error object {@code {"line": N, "id": ...,
 * "field": ..., "error": "..."}} in its place; under {@link ErrorPolicy#FAIL} the first bad record
 * in input order ends the run with its {@link DataException}, after the outputs of all records
 * before it were written. Blank lines are not records and yield nothing. Every write is checked
 * (a {@link PrintWriter}'s error state after each batch), so a full disk or a closed pipe ends the
 * run with an {@link UncheckedIOException} rather than losing output quietly. Immutable and
 * thread-safe; each {@link #run} uses its own threads.
 */
public final class RecordPipeline {
  private static final ObjectMapper JSON = JsonLines.mapper();
  /** Surrogates as escapes, so a lone one is not written as '?' (see {@link JsonOutput}). */
  private static final CharacterEscapes ESCAPES = JsonOutput.escapes();
  private static final ObjectWriter WRITER = JSON.writer().with(ESCAPES);
  /** The most lines in one batch: enough that hand-offs between threads cost little. */
  private static final int MAX_BATCH_LINES = 256;
  /** The most bytes in one batch (a longer line is a batch of its own). */
  private static final int MAX_BATCH_BYTES = 1 << 18;

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
     * BatchOutput#generator()} or appended to {@link BatchOutput#bytes}) and returns how many.
     *
     * @param number the record's line number
     * @param line the bytes of the batch that holds the line
     * @param from where the line starts in {@code line} (a byte-order mark, on line 1, included)
     * @param to where it ends, line end excluded; never more than the line limit after {@code from}
     */
    int process(String source, long number, byte[] line, int from, int to, BatchOutput out);
  }

  /** The output of one batch as it is built on a worker thread, in UTF-8. Not thread-safe. */
  static final class BatchOutput {
    final Utf8 bytes = new Utf8();
    private JsonGenerator generator;
    /** The current record's id, once known, for its error object. */
    JsonNode id;
    /** Whether the current record held the added field already. */
    boolean replaced;

    /** The bytes written so far, which a failed record can be cut back to. */
    static final class Utf8 extends ByteArrayOutputStream {
      Utf8() {
        super(1 << 14);
      }

      /** Forgets everything from {@code mark} on. */
      void cut(int mark) {
        count = mark;
      }

      /** Appends a line written as a string elsewhere. */
      void line(byte[] json) {
        write(json, 0, json.length);
        write('\n');
      }
    }

    /**
     * A UTF-8 generator writing to {@link #bytes}, escaping as {@link JsonOutput} does; what it
     * holds is flushed at the end of the record.
     */
    JsonGenerator generator() {
      if (generator == null) {
        try {
          generator = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        generator.setCharacterEscapes(ESCAPES);
        generator.setRootValueSeparator(null);
      }
      return generator;
    }

    /** Ends a record written through the generator: flushes it into the bytes. */
    void endRecord() {
      if (generator != null) {
        try {
          generator.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /** Forgets a record that failed part-way: its bytes from {@code mark} on, and the generator. */
    void rollBack(int mark) {
      generator = null; // whatever it buffered of the failed record goes with it
      bytes.cut(mark);
    }
  }

  /** What became of one batch: its output, counts, and under FAIL its first bad record. */
  private record Outcome(byte[] utf8, int lines, long bytes, int records, int blank, int failed,
      int outputLines, int replaced, long firstReplacedLine, DataException error) {}

  /**
   * Runs the pipeline over one input, writing characters (for tests and embedders; the command
   * line writes bytes, see {@link #run(String, InputStream, OutputStream, LongConsumer)}).
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
    return run(source, in, new Sink() {
      @Override
      public void write(byte[] utf8) throws IOException {
        out.write(new String(utf8, StandardCharsets.UTF_8));
        // a PrintWriter keeps its IOException to itself: ask it after every batch (this also flushes)
        if (out instanceof PrintWriter pw && pw.checkError()) {
          throw new IOException("write failed");
        }
      }

      @Override
      public void flush() throws IOException {
        out.flush();
        if (out instanceof PrintWriter pw && pw.checkError()) {
          throw new IOException("write failed");
        }
      }
    }, progress);
  }

  /**
   * Runs the pipeline over one input, writing UTF-8 bytes: the workers encode each batch's
   * output, so the thread that writes only copies bytes. Same contract as {@link #run(String,
   * InputStream, Writer, LongConsumer)}.
   */
  public BatchSummary run(String source, InputStream in, OutputStream out, LongConsumer progress) {
    return run(source, in, new Sink() {
      @Override
      public void write(byte[] utf8) throws IOException {
        out.write(utf8);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    }, progress);
  }

  /** Where the writer puts each batch's output. */
  private interface Sink {
    void write(byte[] utf8) throws IOException;

    void flush() throws IOException;
  }

  /**
   * The reader and the writer, on the caller's thread: cuts the input into batches of raw lines,
   * hands each to a worker (or, with one thread, does its work at once) and writes the finished
   * batches in input order from a ring of futures, waiting for the oldest only when the window of
   * records or bytes in flight is full.
   */
  private BatchSummary run(String source, InputStream in, Sink out, LongConsumer progress) {
    LongConsumer onDone = progress != null ? progress : n -> {};
    Counts counts = new Counts();
    int threads = options.threads();
    ExecutorService pool = threads > 1 ? newPool(threads) : null;
    // a few batches per thread in flight, so no worker waits for the writer
    int batchLines = (int) Math.max(1, Math.min(MAX_BATCH_LINES, options.maxInFlight() / (4L * threads)));
    int batchBytes = (int) Math.max(1, Math.min(MAX_BATCH_BYTES, options.maxInFlightBytes() / (4L * threads)));
    LineBatcher batches = new LineBatcher(in, options.maxLineBytes(), batchLines, batchBytes);
    ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
    long inFlightLines = 0;
    long inFlightBytes = 0;
    try {
      LineBatcher.Batch batch;
      while ((batch = readBatch(source, batches)) != null) {
        if (pool == null) {
          write(process(source, batch), out, counts, onDone);
          continue;
        }
        while (!window.isEmpty() && (inFlightLines + batch.count > options.maxInFlight()
            || inFlightBytes + batch.size() > options.maxInFlightBytes()
            || window.peek().isDone())) {
          Outcome done = await(window.poll());
          inFlightLines -= done.lines();
          inFlightBytes -= done.bytes();
          write(done, out, counts, onDone);
        }
        LineBatcher.Batch b = batch;
        window.add(pool.submit(() -> process(source, b)));
        inFlightLines += b.count;
        inFlightBytes += b.size();
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

  private static LineBatcher.Batch readBatch(String source, LineBatcher batches) {
    try {
      return batches.next();
    } catch (IOException e) {
      throw new DataException(source, 0, null, "cannot be read: " + e.getMessage());
    }
  }

  /** A worker's job: every line of the batch, parsed, processed and written out as UTF-8. */
  private Outcome process(String source, LineBatcher.Batch batch) {
    BatchOutput out = new BatchOutput();
    int records = 0;
    int blank = 0;
    int failed = 0;
    int outputLines = 0;
    int replaced = 0;
    long firstReplaced = 0;
    DataException error = null;
    byte[] b = batch.bytes;
    int from = 0;
    for (int i = 0; i < batch.count; i++) {
      long number = batch.firstLine + i;
      int to = b == null ? 0 : batch.ends[i];
      int lineFrom = from;
      from = to + 1;
      if (b != null && to > lineFrom && b[to - 1] == '\r') {
        to--;
      }
      // a line over the limit is a bad record even when it is all spaces, however it was read
      boolean tooLong = b == null || to - lineFrom > options.maxLineBytes();
      if (!tooLong && blank(b, lineFrom, to, number)) {
        blank++;
        continue;
      }
      records++;
      int mark = out.bytes.size();
      out.id = null;
      out.replaced = false;
      DataException bad;
      try {
        if (tooLong) {
          long length = b == null ? batch.tooLongLength : to - lineFrom;
          JsonLines.decode(source, new RawLine(number, null, length));
          throw new IllegalStateException("a line over the limit was accepted");
        }
        int n = work.process(source, number, b, lineFrom, to, out);
        out.endRecord();
        outputLines += n;
        if (out.replaced) {
          replaced++;
          firstReplaced = firstReplaced == 0 ? number : firstReplaced;
        }
        continue;
      } catch (DataException e) {
        bad = e;
      } catch (IllegalArgumentException e) {
        bad = new DataException(source, number, null, String.valueOf(e.getMessage()));
      }
      out.rollBack(mark);
      if (options.onError() == ErrorPolicy.FAIL) {
        error = bad;
        break;
      }
      failed++;
      outputLines++;
      out.bytes.line(errorObject(number, out.id, bad));
    }
    byte[] utf8 = out.bytes.toByteArray();
    return new Outcome(utf8, batch.count, batch.size(), records, blank, failed, outputLines,
        replaced, firstReplaced, error);
  }

  /** Where the line's content starts: after a UTF-8 byte-order mark on line 1, else at {@code from}. */
  static int afterByteOrderMark(byte[] b, int from, int to, long number) {
    boolean bom = number == 1 && to - from >= 3 && (b[from] & 0xff) == 0xEF
        && (b[from + 1] & 0xff) == 0xBB && (b[from + 2] & 0xff) == 0xBF;
    return bom ? from + 3 : from;
  }

  /** Whether the line holds only spaces, tabs and carriage returns (and, on line 1, a byte-order mark). */
  private static boolean blank(byte[] b, int from, int to, long number) {
    for (int i = afterByteOrderMark(b, from, to, number); i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static byte[] errorObject(long line, JsonNode id, DataException error) {
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
      return WRITER.writeValueAsBytes(err);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error object", e);
    }
  }

  /** A JSON number written exactly as it was spelled in the input. */
  static JsonNode rawNumber(String spelling) {
    return JSON.getNodeFactory().rawValueNode(new RawValue(spelling));
  }

  private void write(Outcome o, Sink out, Counts counts, LongConsumer onDone) {
    try {
      if (o.utf8().length > 0) {
        out.write(o.utf8());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
    }
    counts.records += o.records();
    counts.blank += o.blank();
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

  private static void flush(Sink out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
    }
  }

  private static void flushQuietly(Sink out) {
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
    public int process(String source, long number, byte[] line, int from, int to, BatchOutput out) {
      RawLine raw = new RawLine(number, Arrays.copyOfRange(line, from, to), to - from);
      ObjectNode json = JsonLines.decode(source, raw);
      out.id = json.get("id");
      List<ObjectNode> results = function.apply(new InputRecord(source, number, json));
      for (ObjectNode o : results) {
        try {
          out.bytes.line(WRITER.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot write a result as JSON", e);
        }
      }
      return results.size();
    }
  }
}
