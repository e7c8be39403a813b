package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Datasets;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.features.ReferenceFeaturizer;
import io.github.demarche.train.Trainer;
import io.github.demarche.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores must stay bit-identical through any optimisation of the inference path: the bundled
 * default model (and a single-label model) must score corpus statements exactly as the
 * pre-optimisation scoring code does. That code is kept here as the oracle: the reference
 * featurizer, sorted unique columns, logits summed in column order, calibration, then the
 * position rules.
 */
class ScoringEquivalenceTest {

  private static List<Example> corpus(String file) {
    String dir = System.getProperty("demarche.corpus.dir", "../data/diplomatic-statements");
    return Datasets.read(Path.of(dir, file).toString());
  }

  /** The pre-optimisation logits of a model for one input. */
  private static double[] referenceLogits(StanceModel m, ReferenceFeaturizer f, StanceInput in) {
    int[] cols = f.features(in.text(), in.target()).stream()
        .mapToInt(h -> m.index().get(h)).filter(c -> c >= 0).sorted().distinct().toArray();
    int k = m.outputs().size();
    double[] z = new double[k];
    for (int o = 0; o < k; o++) {
      z[o] = m.biasView()[o];
    }
    for (int col : cols) {
      for (int o = 0; o < k; o++) {
        z[o] += m.weightsView()[col * k + o];
      }
    }
    return z;
  }

  /** The pre-optimisation label scores from logits. */
  private static double[] referenceScores(StanceModel m, double[] z) {
    List<String> outputs = m.outputs();
    double[] s = new double[m.taxonomy().size()];
    if (m.mode() == Mode.SINGLE_LABEL) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int o = 0; o < z.length; o++) {
        int l = m.taxonomy().indexOf(outputs.get(o));
        s[l] = Math.exp(z[o] - max);
        sum += s[l];
      }
      for (int i = 0; i < s.length; i++) {
        s[i] /= sum;
      }
      return s;
    }
    double best = 0;
    String exclusiveName = m.taxonomy().exclusiveLabel().orElse(null);
    for (int o = 0; o < z.length; o++) {
      double p = m.calibration().get(o).apply(z[o]);
      s[m.taxonomy().indexOf(outputs.get(o))] = p;
      if (!outputs.get(o).equals(exclusiveName)) {
        best = Math.max(best, p);
      }
    }
    // an exclusive label without an output of its own scores the complement of the best other
    int exclusive = m.taxonomy().exclusiveLabel().map(m.taxonomy()::indexOf).orElse(-1);
    if (exclusive >= 0 && !outputs.contains(exclusiveName)) {
      s[exclusive] = 1.0 - best;
    }
    return s;
  }

  /** The pre-optimisation positions from scores. */
  private static List<Position> referencePositions(StanceModel m, double[] s) {
    List<String> names = m.taxonomy().names();
    List<Position> out = new ArrayList<>();
    if (m.mode() == Mode.SINGLE_LABEL) {
      int best = 0;
      for (int i = 1; i < s.length; i++) {
        if (s[i] > s[best]) {
          best = i;
        }
      }
      if (s[best] >= m.noPositionBelow()) {
        out.add(new Position(names.get(best), Math.max(0, Math.min(1, s[best]))));
      }
      return out;
    }
    int bestLabel = -1;
    String exclusiveName = m.taxonomy().exclusiveLabel().orElse(null);
    boolean exclusivePasses = false;
    double bestPassing = Double.NEGATIVE_INFINITY;
    for (int o = 0; o < m.outputs().size(); o++) {
      int l = names.indexOf(m.outputs().get(o));
      if (m.outputs().get(o).equals(exclusiveName)) {
        // an exclusive output of its own: chosen alone when it passes and beats the others
        exclusivePasses = s[l] >= m.calibration().get(o).threshold();
        continue;
      }
      if (bestLabel < 0 || s[l] > s[bestLabel]) {
        bestLabel = l;
      }
      if (s[l] >= m.calibration().get(o).threshold()) {
        out.add(new Position(names.get(l), Math.max(0, Math.min(1, s[l]))));
        bestPassing = Math.max(bestPassing, s[l]);
      }
    }
    if (exclusivePasses && s[names.indexOf(exclusiveName)] > bestPassing) {
      out.clear();
    }
    if (out.isEmpty()) {
      int l = m.taxonomy().exclusiveLabel().map(names::indexOf).orElse(bestLabel);
      out.add(new Position(names.get(l), Math.max(0, Math.min(1, s[l]))));
    }
    out.sort(Comparator.comparingDouble(Position::score).reversed());
    return out;
  }

  private static void assertScoresAsBefore(StanceModel m, List<StanceInput> inputs) {
    ReferenceFeaturizer f = new ReferenceFeaturizer(m.featureConfig());
    for (StanceInput in : inputs) {
      double[] z = referenceLogits(m, f, in);
      assertArrayEquals(z, m.logits(in), () -> "logits of " + in);
      double[] s = referenceScores(m, z);
      assertArrayEquals(s, m.scoreArray(in), () -> "scores of " + in);
      assertEquals(referencePositions(m, s), m.classify(in), () -> "positions of " + in);
    }
  }

  private static List<StanceInput> sample() {
    List<StanceInput> out = new ArrayList<>(Trainer.inputs(corpus("dev.jsonl")));
    out.addAll(Trainer.inputs(corpus("train.jsonl")).subList(0, 600));
    out.add(StanceInput.of("We do not condemn them and won't accuse anyone."));
    out.add(StanceInput.of("!!!"));
    out.add(new StanceInput("Moscow urged restraint.", "Ukraine"));
    return out;
  }

  @Test
  void theDefaultModelScoresCorpusStatementsExactlyAsBefore() {
    assertScoresAsBefore(Demarche.defaultModel(), sample());
  }

  @Test
  void aSingleLabelModelScoresExactlyAsBefore() {
    List<Example> singleLabel = new ArrayList<>();
    for (Example e : corpus("train.jsonl").subList(0, 500)) {
      singleLabel.add(new Example(e.id(), e.text(), List.of(e.labels().get(0)), e.target(),
          e.group()));
    }
    StanceModel m = new Trainer(TrainingConfig.defaults()).train(singleLabel);
    assertEquals(Mode.SINGLE_LABEL, m.mode());
    assertScoresAsBefore(m, sample());
  }

  @Test
  void aVeryLongTextScoresAsBeforeAndLaterShortTextsToo() {
    StringBuilder longText = new StringBuilder();
    List<Example> dev = corpus("dev.jsonl");
    while (longText.length() < 400_000) {
      for (Example e : dev) {
        longText.append(e.text()).append(' ');
      }
    }
    List<StanceInput> inputs = new ArrayList<>();
    inputs.add(StanceInput.of(longText.toString()));
    inputs.addAll(Trainer.inputs(dev.subList(0, 20)));
    assertScoresAsBefore(Demarche.defaultModel(), inputs);
  }

  @Test
  void activeFeaturesAreTheSortedDistinctVocabularyColumnsOfTheReferenceFeatures() {
    StanceModel m = Demarche.defaultModel();
    ReferenceFeaturizer f = new ReferenceFeaturizer(m.featureConfig());
    for (StanceInput in : sample()) {
      int[] expected = f.features(in.text(), in.target()).stream()
          .mapToInt(h -> m.index().get(h)).filter(c -> c >= 0).sorted().distinct().toArray();
      assertEquals(Arrays.toString(expected), Arrays.toString(m.activeFeatures(in)), in::text);
    }
  }
}
