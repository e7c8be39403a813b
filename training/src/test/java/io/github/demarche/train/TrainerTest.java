package io.github.demarche.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.model.Mode;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import io.github.demarche.testing.Corpus;
import io.github.demarche.testing.FlippingStance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

  @Test
  void sameDataAndSeedGiveTheSameModelBytes() {
    List<Example> data = Corpus.trainExamples().subList(0, 400);
    Trainer trainer = new Trainer(TrainingConfig.defaults());
    byte[] a = ModelFile.toBytes(trainer.train(data));
    byte[] b = ModelFile.toBytes(trainer.train(new ArrayList<>(data)));
    assertArrayEquals(a, b);
  }

  @Test
  void modelBytesDoNotDependOnTheNumberOfTrainingThreads() {
    // multi-label data with calibration folds (label fits, folds and calibrations in parallel)
    List<Example> multi = Corpus.trainExamples().subList(0, 500);
    byte[] one = ModelFile.toBytes(new Trainer(TrainingConfig.defaults(), 1).train(multi));
    assertArrayEquals(one, ModelFile.toBytes(new Trainer(TrainingConfig.defaults(), 2).train(multi)));
    assertArrayEquals(one, ModelFile.toBytes(new Trainer(TrainingConfig.defaults(), 5).train(multi)));
    // single-label data with many labels (Smile's multinomial fit, and a no-position threshold
    // that trains again inside the run's pool)
    List<Example> single = new ArrayList<>();
    for (Example e : Corpus.trainExamples().subList(0, 300)) {
      single.add(new Example(e.id(), e.text(), List.of(e.labels().get(0)), e.target(), e.group()));
    }
    byte[] alone = ModelFile.toBytes(new Trainer(TrainingConfig.defaults(), 1).train(single));
    assertArrayEquals(alone,
        ModelFile.toBytes(new Trainer(TrainingConfig.defaults(), 3).train(single)));
  }

  @Test
  void aTrainerNeedsAtLeastOneThread() {
    assertThrows(IllegalArgumentException.class, () -> new Trainer(TrainingConfig.defaults(), 0));
  }

  @Test
  void multiLabelCorpusGivesOneBinaryOutputPerLabelNoneIncluded() {
    StanceModel m = new Trainer(TrainingConfig.defaults().withCalibrationFolds(0))
        .train(Corpus.trainExamples().subList(0, 600));
    assertEquals(Mode.MULTI_LABEL, m.mode());
    assertTrue(m.outputs().contains("none"));
    assertEquals(m.taxonomy().size(), m.outputs().size());
  }

  @Test
  void targetConditionedSingleLabelDataIsLearned() {
    StanceModel m = new Trainer(TrainingConfig.defaults()).train(FlippingStance.examples(400, 1));
    assertEquals(Mode.SINGLE_LABEL, m.mode());
    int right = 0;
    List<Example> test = FlippingStance.examples(200, 2);
    for (Example e : test) {
      String predicted = m.classify(new StanceInput(e.text(), e.target())).get(0).label();
      right += predicted.equals(e.labels().get(0)) ? 1 : 0;
    }
    assertTrue(right >= 190, "accuracy " + right + "/200");
  }

  @Test
  void oneTargetConditionedModelDoesAsWellAsSeparatePerTargetModels() {
    List<Example> train = FlippingStance.examples(600, 5);
    List<Example> test = FlippingStance.examples(300, 6);
    StanceModel joint = new Trainer(TrainingConfig.defaults()).train(train);
    int jointRight = 0;
    int separateRight = 0;
    java.util.Map<String, StanceModel> perTarget = new java.util.HashMap<>();
    for (String target : List.of("the treaty", "the blockade")) {
      List<Example> only = train.stream().filter(e -> e.target().equals(target))
          .map(e -> new Example(e.id(), e.text(), e.labels(), null, e.group())).toList();
      perTarget.put(target, new Trainer(TrainingConfig.defaults()).train(only));
    }
    for (Example e : test) {
      String gold = e.labels().get(0);
      jointRight += joint.classify(new StanceInput(e.text(), e.target())).get(0).label().equals(gold) ? 1 : 0;
      separateRight += perTarget.get(e.target()).classify(e.text()).get(0).label().equals(gold) ? 1 : 0;
    }
    assertTrue(jointRight >= separateRight - 6,
        "joint " + jointRight + " vs per-target " + separateRight + " of " + test.size());
  }

  @Test
  void threeClassSingleLabelDataUsesEveryClass() {
    String[][] cues = {{"applaud", "welcome", "praise"}, {"deplore", "reject", "condemn"},
        {"noted", "observed", "recorded"}};
    String[] labels = {"FAVOR", "AGAINST", "NONE"};
    Random r = new Random(3);
    List<Example> data = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int c = i % 3;
      data.add(new Example(null, "The minister " + cues[c][r.nextInt(3)] + " the plan " + i + ".",
          List.of(labels[c]), null, "g" + i));
    }
    StanceModel m = new Trainer(TrainingConfig.defaults()).train(data);
    assertEquals(3, m.outputs().size());
    for (int c = 0; c < 3; c++) {
      assertEquals(labels[c], m.classify("Officials " + cues[c][0] + " it.").get(0).label());
    }
  }

  @Test
  void singleLabelDataNeedsTwoLabels() {
    List<Example> one = List.of(new Example(null, "a", List.of("x"), null, null),
        new Example(null, "b", List.of("x"), null, null));
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(TrainingConfig.defaults()).train(one));
    assertTrue(e.getMessage().contains("need at least two"), e.getMessage());
  }
}
