package io.github.demarche.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.data.Example;
import io.github.demarche.features.FeatureConfig;
import io.github.demarche.features.FeatureIndex;
import io.github.demarche.features.Featurizer;
import io.github.demarche.testing.Corpus;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import smile.classification.Maxent;
import smile.math.BFGS;

/** The shared-matrix objective fits exactly the weights Smile's Maxent fits on per-fit copies. */
class BinomialObjectiveTest {

  /** Smile's own fit on the rows, built the way the trainer built them before the matrix. */
  private static double[] smile(List<Example> examples, Featurizer featurizer, int[] rows,
      int[] y, int minCount, double lambda, int partitionSize) {
    java.util.Map<Long, Integer> df = new java.util.TreeMap<>();
    long[][] hashes = new long[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      Example e = examples.get(rows[i]);
      hashes[i] = Arrays.stream(featurizer.features(e.text(), e.target())).distinct().sorted()
          .toArray();
      for (long h : hashes[i]) {
        df.merge(h, 1, Integer::sum);
      }
    }
    FeatureIndex index = new FeatureIndex(df.entrySet().stream()
        .filter(e -> e.getValue() >= minCount).mapToLong(java.util.Map.Entry::getKey).toArray());
    int[][] x = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = Arrays.stream(hashes[i]).mapToInt(index::get).filter(c -> c >= 0).sorted().toArray();
    }
    String old = System.getProperty("smile.data.partition.size");
    System.setProperty("smile.data.partition.size", Integer.toString(partitionSize));
    try {
      // in a pool of one thread, Smile's parallel sums split as TreeSum's on any machine
      java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
      try {
        return one.submit(() -> Maxent.binomial(index.size(), x, y, lambda, 1e-3, 500)
            .coefficients()).get();
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new AssertionError(e);
      } finally {
        one.shutdown();
      }
    } finally {
      if (old == null) {
        System.clearProperty("smile.data.partition.size");
      } else {
        System.setProperty("smile.data.partition.size", old);
      }
    }
  }

  private static void sameWeights(int minCount, boolean fold) {
    List<Example> examples = Corpus.trainExamples().subList(0, 700);
    Featurizer featurizer = new Featurizer(FeatureConfig.defaults());
    FeatureMatrix matrix = FeatureMatrix.of(examples, featurizer, minCount);
    int[] rows = IntStream.range(0, examples.size()).filter(i -> !fold || i % 5 != 2).toArray();
    int[] y = Arrays.stream(rows)
        .map(i -> examples.get(i).labels().contains("accusation") ? 1 : 0).toArray();
    int partitionSize = (examples.size() + 3) / 4;
    int[] vocabulary = matrix.vocabulary(rows, minCount);
    double[] w = new double[vocabulary.length + 1];
    BFGS.minimize(new BinomialObjective(matrix, rows, y, vocabulary, 0.5, partitionSize, null), 5, w,
        1e-3, 500);
    double[] expected = smile(examples, featurizer, rows, y, minCount, 0.5, partitionSize);
    assertTrue(Arrays.stream(expected).anyMatch(v -> v != 0), "a real fit");
    assertArrayEquals(expected, w, 0.0);
  }

  @Test
  void allRowsGiveSmilesWeightsBitForBit() {
    sameWeights(1, false);
  }

  @Test
  void aFoldWithAMinimumCountGivesSmilesWeightsBitForBit() {
    sameWeights(2, true);
  }
}
