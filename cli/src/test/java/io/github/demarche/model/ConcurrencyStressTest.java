package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.Demarche;
import io.github.demarche.api.Analyzer;
import io.github.demarche.api.StanceInput;
import io.github.demarche.batch.BatchOptions;
import io.github.demarche.batch.ErrorPolicy;
import io.github.demarche.batch.RecordFunction;
import io.github.demarche.batch.RecordPipeline;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.data.JsonLines;
import io.github.demarche.domain.Document;
import io.github.demarche.domain.Position;
import io.github.demarche.domain.Statement;
import io.github.demarche.testing.Corpus;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many threads sharing one model or one analyzer get exactly the single-threaded results: {@value #THREADS}
 * threads, each classifying every corpus statement (train and dev, about 2,000) {@value
 * #ITERATIONS} times in its own rotated order, all starting together; and {@value #THREADS}
 * threads sharing one analyzer, each analysing the 17 corpus documents {@value
 * #ANALYZER_ITERATIONS} times.
 */
class ConcurrencyStressTest {
  static final int THREADS = 16;
  static final int ITERATIONS = 3;
  static final int ANALYZER_ITERATIONS = 5;

  @Test
  void sixteenThreadsSharingOneModelReproduceTheSingleThreadedScoresExactly() throws Exception {
    StanceModel model = Demarche.defaultModel();
    List<StanceInput> inputs = new ArrayList<>();
    for (Example e : Datasets.readAll(List.of(Corpus.train().toString(), Corpus.dev().toString()))) {
      inputs.add(new StanceInput(e.text(), e.target()));
    }
    int n = inputs.size();
    double[][] scores = new double[n][];
    List<List<Position>> positions = new ArrayList<>();
    for (StanceInput in : inputs) {
      scores[positions.size()] = model.scoreArray(in);
      positions.add(model.classify(in));
    }
    int total = runTogether(t -> {
      int offset = t * n / THREADS;
      int checked = 0;
      for (int it = 0; it < ITERATIONS; it++) {
        for (int j = 0; j < n; j++) {
          int i = (offset + j * (it + 1)) % n;
          double[] s = model.scoreArray(inputs.get(i));
          assertArrayEquals(scores[i], s, "statement " + i);
          assertEquals(positions.get(i), model.positionsFromScores(s), "statement " + i);
          checked++;
        }
      }
      return checked;
    });
    assertEquals(THREADS * ITERATIONS * n, total);
  }

  @Test
  void sixteenThreadsSharingOneAnalyzerReproduceTheSingleThreadedStatementsExactly() throws Exception {
    Analyzer analyzer = Demarche.analyzer();
    List<Document> docs = new ArrayList<>();
    JsonLines.forEach(Corpus.dir().resolve("documents.jsonl").toString(),
        l -> docs.add(new Document(l.object().get("doc_id").asText(), l.object().get("text").asText())));
    List<List<Statement>> expected = new ArrayList<>();
    for (Document d : docs) {
      expected.add(analyzer.analyze(d));
    }
    assertTrue(expected.stream().mapToInt(List::size).sum() > 50, "the documents hold statements");
    int total = runTogether(t -> {
      int checked = 0;
      for (int it = 0; it < ANALYZER_ITERATIONS; it++) {
        for (int j = 0; j < docs.size(); j++) {
          int i = (t + j) % docs.size();
          assertEquals(expected.get(i), analyzer.analyze(docs.get(i)), docs.get(i).id());
          checked++;
        }
      }
      return checked;
    });
    assertEquals(THREADS * ANALYZER_ITERATIONS * docs.size(), total);
  }

  /** Runs the task on {@value #THREADS} threads released together; the sum of their results. */
  private static int runTogether(ThreadTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          return task.run(thread);
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The work of one thread, given its number; returns how many results it checked. */
  @FunctionalInterface
  private interface ThreadTask {
    int run(int thread) throws Exception;
  }

  @Test
  void theRecordPipelineWithSixteenThreadsWritesWhatOneThreadWrites() throws Exception {
    StanceModel model = Demarche.defaultModel();
    RecordFunction f = r -> {
      ObjectNode o = r.json();
      String text = Datasets.requiredText(r.source(), r.line(), o);
      ArrayNode arr = o.putArray("positions");
      for (Position p : model.classify(new StanceInput(text, null))) {
        arr.addObject().put("label", p.label()).put("score", p.score());
      }
      return List.of(o);
    };
    String one = runPipeline(1, f);
    for (int it = 0; it < ITERATIONS; it++) {
      assertEquals(one, runPipeline(THREADS, f));
    }
    assertEquals(Files.readAllLines(Corpus.train()).size(), one.split("\n").length);
  }

  private static String runPipeline(int threads, RecordFunction f) throws Exception {
    StringWriter out = new StringWriter();
    try (InputStream in = Files.newInputStream(Corpus.train())) {
      new RecordPipeline(BatchOptions.of(threads, ErrorPolicy.FAIL), f).run("train", in, out, null);
    }
    return out.toString();
  }
}
