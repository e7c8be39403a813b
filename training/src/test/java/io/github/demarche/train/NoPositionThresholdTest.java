package io.github.demarche.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.model.Mode;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.StanceModel;
import io.github.demarche.taxonomy.Taxonomy;
import io.github.demarche.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-label data without an exclusive "none" (SemEval-style): the trained model takes no
 * position when its best score is below a threshold learned on out-of-fold predictions.
 */
class NoPositionThresholdTest {
  private static final List<StanceInput> OUT_OF_DOMAIN = List.of(
      StanceInput.of("Add two cups of flour and bake the bread for forty minutes."),
      StanceInput.of("The striker scored twice in the second half of the cup final."),
      StanceInput.of("Der Zug nach Berlin hat heute zwanzig Minuten Verspätung."));

  /** The corpus statements with exactly one label other than none: nine labels, no exclusive one. */
  private static List<Example> singleLabelWithoutNone() {
    List<Example> out = new ArrayList<>();
    for (Example e : Corpus.trainExamples()) {
      if (e.labels().size() == 1 && !e.labels().get(0).equals(Taxonomy.NONE)) {
        out.add(e);
      }
    }
    return out;
  }

  private static final StanceModel MODEL =
      new Trainer(TrainingConfig.defaults()).train(singleLabelWithoutNone());

  @Test
  void outOfDomainTextGetsNoPositionWhileClearStatementsKeepTheirLabel() {
    assertEquals(Mode.SINGLE_LABEL, MODEL.mode());
    assertTrue(MODEL.taxonomy().exclusiveLabel().isEmpty());
    assertTrue(MODEL.noPositionBelow() > 0.2, "threshold " + MODEL.noPositionBelow());
    for (StanceInput in : OUT_OF_DOMAIN) {
      assertEquals(List.of(), MODEL.classify(in), in.text() + " scores " + MODEL.scoreArray(in).length);
    }
    assertEquals("accusation", MODEL.classify(StanceInput.of(
        "The foreign ministry accused the army of shelling villages and committing war crimes."))
        .get(0).label());
  }

  @Test
  void thresholdIsStoredInTheModelFile() throws Exception {
    StanceModel back = ModelFile.read("m", new ByteArrayInputStream(ModelFile.toBytes(MODEL)));
    assertEquals(MODEL.noPositionBelow(), back.noPositionBelow());
    for (StanceInput in : OUT_OF_DOMAIN) {
      assertEquals(MODEL.classify(in), back.classify(in));
    }
  }

  @Test
  void singleLabelFileWithoutTheThresholdAlwaysAnswersAsBefore() throws Exception {
    byte[] bytes = ModelFile.toBytes(MODEL);
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    String field = "\"no_position_below\":" + MODEL.noPositionBelow() + ",";
    int at = s.indexOf(field);
    assertTrue(at > 0, "field not found in the manifest");
    // a file as written before the field existed: the field blanked out (JSON whitespace)
    for (int i = at; i < at + field.length(); i++) {
      bytes[i] = ' ';
    }
    byte[] digest = Hashing.sha256().hashBytes(bytes, 0, bytes.length - 32).asBytes();
    System.arraycopy(digest, 0, bytes, bytes.length - 32, 32);
    StanceModel legacy = ModelFile.read("legacy", new ByteArrayInputStream(bytes));
    assertEquals(0.0, legacy.noPositionBelow());
    for (StanceInput in : OUT_OF_DOMAIN) {
      assertEquals(1, legacy.classify(in).size());
    }
  }

  @Test
  void dataWithAnExclusiveLabelNeedsNoThreshold() {
    List<Example> withNone = new ArrayList<>();
    for (Example e : Corpus.trainExamples()) {
      if (e.labels().size() == 1) {
        withNone.add(e);
      }
    }
    StanceModel m = new Trainer(TrainingConfig.defaults()).train(withNone.subList(0, 600));
    assertEquals(Mode.SINGLE_LABEL, m.mode());
    assertEquals(0.0, m.noPositionBelow());
  }
}
