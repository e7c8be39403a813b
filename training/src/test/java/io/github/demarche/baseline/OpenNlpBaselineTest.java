package io.github.demarche.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.model.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OpenNlpBaselineTest {

  private static List<Example> corpus(String file) {
    String dir = System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements");
    return Datasets.read(Path.of(dir, file).toString());
  }

  private static Example ex(String text, String... labels) {
    return new Example(null, text, List.of(labels), null, null);
  }

  private static List<String> labels(List<Position> positions) {
    return positions.stream().map(Position::label).toList();
  }

  /** Labels are signalled by one word each; "none" statements carry neither. */
  private static List<Example> multiLabelToyData() {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(ex("The minister condemned the shelling of town " + i + ".", "accusation"));
      out.add(ex("The envoy urged a ceasefire around town " + i + ".", "de_escalation"));
      out.add(ex("They condemned the raid and urged a ceasefire near town " + i + ".",
          "accusation", "de_escalation"));
      out.add(ex("The delegation arrived by train in town " + i + ".", "none"));
    }
    return out;
  }

  @Test
  void oneVsRestAssignsEveryLabelItsWordsSignalAndNoneWhenNoLabelPasses() {
    OpenNlpBaseline b = OpenNlpBaseline.train(multiLabelToyData(), OpenNlpBaseline.Params.defaults());
    assertEquals(Mode.MULTI_LABEL, b.mode());
    assertEquals(List.of("de_escalation", "accusation", "none"), b.taxonomy().names());
    assertEquals(2, b.categorizerCount(), "one binary categorizer per label except none");

    assertEquals(List.of("accusation"), labels(b.classify("Officials condemned the strike.")));
    assertEquals(Set.of("accusation", "de_escalation"),
        Set.copyOf(labels(b.classify("She condemned it and urged a ceasefire."))));
    List<Position> none = b.classify("The delegation arrived by train.");
    assertEquals(List.of("none"), labels(none));

    double[] s = b.scoreArray(StanceInput.of("The delegation arrived by train."));
    int noneIndex = b.taxonomy().indexOf("none");
    double best = Math.max(s[0], s[1]);
    assertTrue(best < 0.5, "no label passes 0.5 for a none statement: " + best);
    assertEquals(1.0 - best, s[noneIndex], 1e-12);
    assertEquals(s[noneIndex], none.get(0).score(), 1e-12);
  }

  @Test
  void singleLabelDataGetsOneMulticlassCategorizerWhoseScoresSumToOne() {
    List<Example> data = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      data.add(ex("We stand with our friends in city " + i, "solidarity"));
      data.add(ex("These claims are false and fabricated, report " + i, "denial"));
      data.add(ex("Talks will resume in city " + i + " next week", "none"));
    }
    OpenNlpBaseline b = OpenNlpBaseline.train(data, OpenNlpBaseline.Params.defaults());
    assertEquals(Mode.SINGLE_LABEL, b.mode());
    assertEquals(1, b.categorizerCount());
    assertEquals(List.of("denial"), labels(b.classify("The report is false.")));
    assertEquals(List.of("solidarity"), labels(b.classify("We stand with them.")));
    double[] s = b.scoreArray(StanceInput.of("We stand with them."));
    assertEquals(1.0, s[0] + s[1] + s[2], 1e-9);
  }

  @Test
  void trainingIsDeterministic() {
    List<Example> train = corpus("train.jsonl").subList(0, 400);
    OpenNlpBaseline.Params p = new OpenNlpBaseline.Params(30, 1);
    OpenNlpBaseline a = OpenNlpBaseline.train(train, p);
    OpenNlpBaseline b = OpenNlpBaseline.train(train, p);
    for (Example e : corpus("dev.jsonl").subList(0, 50)) {
      StanceInput in = StanceInput.of(e.text());
      assertArrayEquals(a.scoreArray(in), b.scoreArray(in), e.text());
    }
  }

  @Test
  void learnsTheCorpusWellEnoughToBeAFairYardstick() {
    List<Example> train = corpus("train.jsonl");
    OpenNlpBaseline b = OpenNlpBaseline.train(train, OpenNlpBaseline.Params.defaults());
    assertEquals(9, b.categorizerCount());
    String mostFrequent = train.stream().flatMap(e -> e.labels().stream())
        .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()))
        .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<Example> dev = corpus("dev.jsonl");
    double f1 = microF1(dev, e -> labels(b.classify(StanceInput.of(e.text()))));
    // the trivial answer: every statement gets the most frequent training label
    double trivial = microF1(dev, e -> List.of(mostFrequent));
    assertTrue(f1 > trivial + 0.1, "micro-F1 on dev was " + f1 + ", trivial " + trivial);
  }

  /** Micro-averaged F1 of predicted label sets against the gold ones. */
  private static double microF1(List<Example> data,
      java.util.function.Function<Example, List<String>> predict) {
    int tp = 0;
    int predicted = 0;
    int gold = 0;
    for (Example e : data) {
      Set<String> got = new HashSet<>(predict.apply(e));
      predicted += got.size();
      gold += e.labels().size();
      got.retainAll(e.labels());
      tp += got.size();
    }
    return 2.0 * tp / (predicted + gold);
  }

  @Test
  void concurrentCallersGetTheSameScoresAsOneCaller() throws Exception {
    OpenNlpBaseline b = OpenNlpBaseline.train(multiLabelToyData(), OpenNlpBaseline.Params.defaults());
    List<String> texts = corpus("dev.jsonl").stream().map(Example::text).toList();
    List<double[]> expected = texts.stream().map(t -> b.scoreArray(StanceInput.of(t))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<double[]>>> runs = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        runs.add(pool.submit(() -> texts.stream().map(t -> b.scoreArray(StanceInput.of(t))).toList()));
      }
      for (Future<List<double[]>> run : runs) {
        List<double[]> got = run.get();
        for (int i = 0; i < texts.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i), texts.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badParamsAndEmptyDataAreRefusedWithReasons() {
    var it = assertThrows(IllegalArgumentException.class, () -> new OpenNlpBaseline.Params(0, 1));
    assertTrue(it.getMessage().contains("iterations"), it.getMessage());
    var cut = assertThrows(IllegalArgumentException.class, () -> new OpenNlpBaseline.Params(10, -1));
    assertTrue(cut.getMessage().contains("cutoff"), cut.getMessage());
    var empty = assertThrows(IllegalArgumentException.class,
        () -> OpenNlpBaseline.train(List.of(), OpenNlpBaseline.Params.defaults()));
    assertTrue(empty.getMessage().contains("no training examples"), empty.getMessage());
    var one = assertThrows(IllegalArgumentException.class,
        () -> OpenNlpBaseline.train(List.of(ex("a", "x"), ex("b", "x")),
            OpenNlpBaseline.Params.defaults()));
    assertTrue(one.getMessage().contains("at least two"), one.getMessage());
  }
}
