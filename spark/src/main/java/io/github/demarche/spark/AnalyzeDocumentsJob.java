package io.github.demarche.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import io.github.demarche.api.Analyzer;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Statement;
import io.github.demarche.output.OutputPaths;
import io.github.demarche.output.StatementRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark job that analyses a Dataset of documents (JSON Lines or Parquet, a {@code text} column
 * and an optional {@code id} or {@code doc_id}) into a Dataset of statements: one row per
 * statement with the fields and shapes of {@code analyze --format jsonl} (document, span, speaker
 * with its actor, positions; see {@link StatementRecord}). Each partition is analysed by
 * the analyzer of its executor's {@link AnalyzerHolder}, so the model is loaded once per executor.
 * Stateless and thread-safe; the work is done by Spark.
 *
 * <p>Usage: {@code AnalyzeDocumentsJob INPUT OUTPUT [MODEL]}. Paths ending in {@code .parquet} are
 * read and written as Parquet, anything else as JSON Lines. MODEL is "default" or a model file.
 */
public final class AnalyzeDocumentsJob {
  /**
   * The schema of a position: label, score in [0, 1], the ids of the actors it is about, and the
   * parties it is aimed at that resolve to no actor, as written.
   */
  public static final StructType POSITION = new StructType()
      .add("label", DataTypes.StringType, false)
      .add("score", DataTypes.DoubleType, false)
      .add("targets", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("unresolvedTargets", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** The schema of an actor: id, display name, kind. */
  public static final StructType ACTOR = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("name", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("cameo", DataTypes.StringType, true);

  /** The schema of the speaker who reports another's words: as a speaker, one level deep. */
  public static final StructType REPORTER = new StructType()
      .add("mention", DataTypes.StringType, false)
      .add("actor", ACTOR, true)
      .add("actors", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /**
   * The schema of a speaker: the mention, its actor (or null), every actor id it speaks for, and
   * the speaker reporting its words (or null).
   */
  public static final StructType SPEAKER = REPORTER.add("reportedBy", REPORTER, true);

  /**
   * The schema of the output: one row per statement, with the fields and shapes of {@link
   * StatementRecord} ({@code analyze --format jsonl}; docs/analyze.md).
   */
  public static final StructType STATEMENT = new StructType()
      .add("document", DataTypes.StringType, false)
      .add("sentence", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false)
      .add("speaker", SPEAKER, true)
      .add("positions", DataTypes.createArrayType(POSITION, false), false);

  private AnalyzeDocumentsJob() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: AnalyzeDocumentsJob INPUT(.jsonl|.parquet) OUTPUT(.jsonl|.parquet) [MODEL]");
      System.exit(2);
    }
    String model = args.length > 2 ? args[2] : "default";
    SparkSession spark = SparkSession.builder().appName("demarche-analyze").getOrCreate();
    try {
      Dataset<Row> statements = run(spark, args[0], args[1], model);
      summary(statements).show(100, false);
    } finally {
      spark.stop();
    }
  }

  /**
   * Reads the documents, analyses them, writes the statements and prints how long it took; returns
   * the statements (cached) for further queries.
   */
  public static Dataset<Row> run(SparkSession spark, String input, String output, String model) {
    if (sameLocation(input, output)) {
      // the write replaces its path (SaveMode.Overwrite): it would delete the documents it reads
      throw new IllegalArgumentException(output + ": is the input; writing the statements there"
          + " would delete the documents");
    }
    if (!"default".equals(model)) {
      spark.sparkContext().addFile(model);  // ships the model file to every executor
    }
    Dataset<Row> documents = read(spark, input);
    int cores = spark.sparkContext().defaultParallelism();
    if (documents.rdd().getNumPartitions() < cores) {
      documents = documents.repartition(cores);  // a small file is one partition: use every core
    }
    documents = documents.cache();
    long count = documents.count();  // reading is not part of the analysis time
    long started = System.nanoTime();
    Dataset<Row> statements = analyze(documents, model).cache();
    write(statements, output);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "%d documents, %d statements, %.1f s (%.1f documents/s) on %d"
            + " partitions; written to %s%n", count, statements.count(), seconds, count / seconds,
        documents.rdd().getNumPartitions(), output);
    return statements;
  }

  /** Whether two paths name one location: local paths through links, URIs by their text. */
  static boolean sameLocation(String input, String output) {
    String a = input.replaceFirst("^file:(//)?", "").replaceAll("/+$", "");
    String b = output.replaceFirst("^file:(//)?", "").replaceAll("/+$", "");
    if (a.contains("://") || b.contains("://")) {
      return a.equals(b);
    }
    return OutputPaths.same(Path.of(b), Path.of(a));
  }

  /**
   * The documents of a JSON Lines or Parquet input as {@code (id, text)}; documents without an
   * {@code id} or {@code doc_id} column are named by file and row.
   */
  public static Dataset<Row> read(SparkSession spark, String path) {
    Dataset<Row> in = path.endsWith(".parquet") ? spark.read().parquet(path)
        : spark.read().json(path);
    List<String> columns = Arrays.asList(in.columns());
    if (!columns.contains("text")) {
      throw new IllegalArgumentException(path + ": the documents have no 'text' column (columns: "
          + columns + ")");
    }
    String id = columns.contains("id") ? "id" : columns.contains("doc_id") ? "doc_id" : null;
    return in.select(id == null ? lit(path).as("id") : col(id).cast("string").as("id"),
        col("text").cast("string").as("text"));
  }

  /** The statements of every document, analysed partition by partition with one analyzer per JVM. */
  public static Dataset<Row> analyze(Dataset<Row> documents, String model) {
    return documents.mapPartitions(new AnalyzePartition(model), Encoders.row(STATEMENT));
  }

  /** Positions by speaker actor: one row per actor, one column per label, counts. */
  public static Dataset<Row> summary(Dataset<Row> statements) {
    return statements
        .select(col("speaker.actor.id").as("actor_id"), col("speaker.actor.name").as("actor_name"),
            explode(col("positions.label")).as("label"))
        .na().fill("-", new String[] {"actor_id", "actor_name"})
        .groupBy("actor_id", "actor_name").pivot("label").count().na().fill(0)
        .orderBy("actor_id");
  }

  private static void write(Dataset<Row> statements, String path) {
    if (path.endsWith(".parquet")) {
      statements.write().mode(SaveMode.Overwrite).parquet(path);
    } else {
      // keep null fields ("speaker": null), as analyze --format jsonl writes them
      statements.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false").json(path);
    }
  }

  /** Analyses the documents of one partition; serialised to the executors with the model name only. */
  static final class AnalyzePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String model;

    AnalyzePartition(String model) {
      this.model = model;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> documents) {
      Analyzer analyzer = AnalyzerHolder.get(model);
      return new Iterator<>() {
        private Iterator<Row> pending = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!pending.hasNext() && documents.hasNext()) {
            pending = statements(analyzer, documents.next()).iterator();
          }
          return pending.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return pending.next();
        }
      };
    }
  }

  /** The statement rows of one {@code (id, text)} document row. */
  static List<Row> statements(Analyzer analyzer, Row document) {
    String id = document.isNullAt(0) ? "(no id)" : document.getString(0);
    if (document.isNullAt(1)) {
      throw new IllegalArgumentException("document '" + id + "' has no text");
    }
    List<Row> rows = new ArrayList<>();
    for (Statement s : analyzer.analyze(new Document(id, document.getString(1)))) {
      rows.add(toRow(id, s));
    }
    return rows;
  }

  /** A statement as a row of {@link #STATEMENT}: its {@link StatementRecord}, field by field. */
  static Row toRow(String documentId, Statement s) {
    StatementRecord r = StatementRecord.of(documentId, s);
    Row speaker = null;
    if (r.speaker() != null) {
      StatementRecord.ReporterRecord by = r.speaker().reportedBy();
      speaker = RowFactory.create(r.speaker().mention(), actorRow(r.speaker().actor()),
          r.speaker().actors().toArray(new String[0]),
          by == null ? null : RowFactory.create(by.mention(), actorRow(by.actor()),
              by.actors().toArray(new String[0])));
    }
    List<Row> positions = new ArrayList<>();
    for (StatementRecord.PositionRecord p : r.positions()) {
      positions.add(RowFactory.create(p.label(), p.score(), p.targets().toArray(new String[0]),
          p.unresolvedTargets().toArray(new String[0])));
    }
    return RowFactory.create(r.document(), r.sentence(), r.start(), r.end(), r.text(), speaker,
        positions.toArray(new Row[0]));
  }

  private static Row actorRow(StatementRecord.ActorRecord a) {
    return a == null ? null : RowFactory.create(a.id(), a.name(), a.kind(), a.cameo());
  }
}
