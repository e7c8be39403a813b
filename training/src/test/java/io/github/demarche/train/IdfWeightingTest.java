package io.github.demarche.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.features.FeatureConfig;
import io.github.demarche.features.Featurizer;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import io.github.demarche.testing.Corpus;
import io.github.demarche.testing.FlippingStance;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * idf weighting: common features get value 1 and rare ones more; it changes what the per-label fits
 * learn but not how a model scores; single-label fits ignore it; the setting round-trips.
 */
class IdfWeightingTest {

  @Test
  void aFeatureOfEveryStatementWeighsOneAndAFeatureOfOneWeighsMost() {
    List<Example> examples = Corpus.trainExamples().subList(0, 300);
    FeatureMatrix matrix = FeatureMatrix.of(examples, new Featurizer(FeatureConfig.defaults()), 1);
    double[] idf = IdfWeights.of(matrix);
    // column 0 is the most frequent feature: the bias feature every statement has
    assertEquals(1.0, idf[0], 0.0);
    double rarest = Math.log((300 + 1.0) / 2.0) + 1.0;
    assertEquals(rarest, Arrays.stream(idf).max().orElseThrow(), 1e-12);
    assertTrue(Arrays.stream(idf).allMatch(v -> v >= 1.0 && v <= rarest));
  }

  @Test
  void idfWeightingChangesTheMultiLabelModelButScoringStaysLinearInTheSavedWeights() {
    List<Example> data = Corpus.trainExamples().subList(0, 400);
    TrainingConfig idf = TrainingConfig.defaults().withCalibrationFolds(0);
    StanceModel weighted = new Trainer(idf).train(data);
    StanceModel binary = new Trainer(idf.withIdfWeighting(false)).train(data);
    assertFalse(Arrays.equals(ModelFile.toBytes(weighted), ModelFile.toBytes(binary)));
    assertEquals(binary.featureCount(), weighted.featureCount());
    // the saved weights already hold the idf: a logit is the bias plus the active features' weights
    StanceInput in = new StanceInput(data.get(7).text(), null);
    int[] active = weighted.activeFeatures(in);
    double[] z = weighted.logits(in);
    double[] bare = weighted.logits(new StanceInput("\u00a7", null));
    int[] bareActive = weighted.activeFeatures(new StanceInput("\u00a7", null));
    for (int o = 0; o < z.length; o++) {
      double sum = bare[o];
      for (int c : bareActive) {
        sum -= weighted.weight(c, o);
      }
      for (int c : active) {
        sum += weighted.weight(c, o);
      }
      assertEquals(sum, z[o], 1e-4);
    }
  }

  @Test
  void singleLabelModelsAreFittedOnBinaryFeaturesWhateverTheSetting() {
    List<Example> data = FlippingStance.examples(300, 3);
    byte[] on = ModelFile.toBytes(new Trainer(TrainingConfig.defaults()).train(data));
    byte[] off = ModelFile.toBytes(
        new Trainer(TrainingConfig.defaults().withIdfWeighting(false)).train(data));
    // the settings differ in the provenance only; the weights are the same
    StanceModel a = ModelFile.fromBytes("on", on);
    StanceModel b = ModelFile.fromBytes("off", off);
    StanceInput in = new StanceInput(data.get(0).text(), data.get(0).target());
    assertTrue(Arrays.equals(a.logits(in), b.logits(in)));
  }

  @Test
  void theSettingRoundTripsThroughProperties() {
    Properties p = TrainingConfig.defaults().toProperties();
    assertEquals("true", p.getProperty("train.idf_weighting"));
    p.setProperty("train.idf_weighting", "false");
    assertFalse(TrainingConfig.fromProperties(p).idfWeighting());
    assertTrue(TrainingConfig.fromProperties(new Properties()).idfWeighting());
  }
}
