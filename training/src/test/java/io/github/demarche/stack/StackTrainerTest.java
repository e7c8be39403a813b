package io.github.demarche.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.domain.Position;
import io.github.demarche.encoder.Encoder;
import io.github.demarche.encoder.EncoderModelFile;
import io.github.demarche.encoder.StackedClassifier;
import io.github.demarche.testing.Corpus;
import io.github.demarche.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTrainerTest {
  private static List<Example> small;
  private static EmbeddingTable table;
  /** Trained once on the small corpus with the default settings and seed. */
  private static StackedClassifier trained;

  @BeforeAll
  static void trainOnASmallCorpus() {
    // a few hundred statements of the corpus: enough groups for the folds, quick to embed
    small = Corpus.trainExamples().subList(0, 300);
    table = EmbeddingTable.of(Encoder.named(StackConfig.DEFAULT_ENCODER),
        small.stream().map(Example::text).toList());
    trained = trainer().train(small, table);
  }

  private static StackTrainer trainer() {
    return new StackTrainer(TrainingConfig.defaults(), StackConfig.defaults());
  }

  @Test
  void theSameDataAndSeedGiveTheSameModelBytes() {
    // a fresh table: the vectors are recomputed, and must come out the same
    EmbeddingTable again = EmbeddingTable.of(Encoder.named(StackConfig.DEFAULT_ENCODER),
        small.stream().map(Example::text).toList());
    assertArrayEquals(EncoderModelFile.toBytes(trained),
        EncoderModelFile.toBytes(trainer().train(small, again)));
  }

  @Test
  void anotherSeedGivesAnotherModel() {
    byte[] other = EncoderModelFile.toBytes(new StackTrainer(
        TrainingConfig.defaults().withSeed(7), StackConfig.defaults()).train(small, table));
    assertFalse(java.util.Arrays.equals(EncoderModelFile.toBytes(trained), other));
  }

  @Test
  void aTrainedModelSavedAndLoadedClassifiesNewStatementsAsBeforeSaving(@TempDir Path dir)
      throws Exception {
    StackedClassifier model = trained.withEmbedder(Encoder.named(StackConfig.DEFAULT_ENCODER));
    Path file = dir.resolve("encoder.dmm");
    EncoderModelFile.write(model, file);
    StackedClassifier loaded = EncoderModelFile.read(file);
    StanceInput in = StanceInput.of("Azerbaijan accused Armenia of shelling its positions in Kalbajar.");
    assertArrayEquals(model.scoreArray(in), loaded.scoreArray(in));
    List<Position> positions = loaded.classify(in);
    assertFalse(positions.isEmpty());
    assertEquals(model.classify(in), positions);
    assertEquals("300.0", loaded.provenance().hyperparameters().get("stack.lambda"));
    assertEquals(300, loaded.provenance().examples());
  }

  @Test
  void anEncoderOnlyStackReadsNoLexicalScoresAndNeedsNoLexicalModelForCrossValidation() {
    StackTrainer alone = new StackTrainer(TrainingConfig.defaults(),
        StackConfig.defaults().withLexicalInputs(false));
    StackedClassifier m = (StackedClassifier) alone.learner(table).apply(small);
    assertNull(m.lexical());
    assertEquals(768, m.inputCount());
    assertThrows(IllegalArgumentException.class, () -> EncoderModelFile.toBytes(m));
  }

  @Test
  void unknownOrBadStackSettingsAreRefusedNamingTheKey() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("stack.lamda", "3");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StackConfig.fromProperties(p));
    assertTrue(e.getMessage().contains("stack.lamda"), e.getMessage());
    p.clear();
    p.setProperty("stack.encoder", "bert-large");
    e = assertThrows(IllegalArgumentException.class, () -> StackConfig.fromProperties(p));
    assertTrue(e.getMessage().contains("bert-large"), e.getMessage());
  }
}
