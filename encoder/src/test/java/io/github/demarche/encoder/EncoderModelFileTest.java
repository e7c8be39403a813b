package io.github.demarche.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.ModelFormatException;
import io.github.demarche.model.Provenance;
import io.github.demarche.model.StanceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderModelFileTest {
  private static final Encoder ENCODER = Encoder.load();
  private static final StanceInput INPUT =
      StanceInput.of("We call on our partners to stand with Guyana.");

  /** A stack over the default lexical model with seeded random weights. */
  static StackedClassifier stack(TextEmbedder embedder) {
    StanceModel lexical = Demarche.defaultModel();
    int k = lexical.taxonomy().size();
    int n = StackedClassifier.inputCount(embedder.id().dimension(), k);
    Random r = new Random(7);
    float[] w = new float[k * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    float[] b = new float[k];
    double[] t = new double[k];
    for (int o = 0; o < k; o++) {
      b[o] = (float) r.nextGaussian();
      t[o] = 0.3 + 0.05 * o;
    }
    return new StackedClassifier(lexical.taxonomy(), lexical.mode(), lexical, true, embedder, w,
        b, t, new Provenance("test", "", 0, Map.of(), Map.of("stack.lambda", "300"), Map.of()));
  }

  @Test
  void aSavedModelScoresExactlyAsTheModelItWasSavedFrom(@TempDir Path dir) throws Exception {
    StackedClassifier model = stack(ENCODER);
    Path file = dir.resolve("m.dmm");
    EncoderModelFile.write(model, file);
    assertTrue(EncoderModelFile.isEncoderModel(file));
    StackedClassifier loaded = EncoderModelFile.read(file);
    assertArrayEquals(model.scoreArray(INPUT), loaded.scoreArray(INPUT));
    assertEquals(model.classify(INPUT), loaded.classify(INPUT));
    assertEquals(ENCODER.id(), loaded.embedder().id());
    assertEquals("300", loaded.provenance().hyperparameters().get("stack.lambda"));
  }

  @Test
  void theSameModelAlwaysGivesTheSameBytes() {
    assertArrayEquals(EncoderModelFile.toBytes(stack(ENCODER)),
        EncoderModelFile.toBytes(stack(ENCODER)));
  }

  @Test
  void aModelTrainedOnOtherEncoderWeightsIsRefusedNamingBothEncoders() {
    EncoderId other = new EncoderId(ENCODER.id().name(), ENCODER.id().version(),
        "0".repeat(64), ENCODER.id().dimension());
    TextEmbedder impostor = new TextEmbedder() {
      @Override
      public EncoderId id() {
        return other;
      }

      @Override
      public float[] embed(String text) {
        return ENCODER.embed(text);
      }
    };
    byte[] bytes = EncoderModelFile.toBytes(stack(impostor));
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> EncoderModelFile.fromBytes("other.dmm", bytes, ENCODER));
    assertTrue(e.getMessage().startsWith("other.dmm: was trained on the sentence encoder"
        + " all-minilm-l6-v2-q"), e.getMessage());
    assertTrue(e.getMessage().contains("000000000000") && e.getMessage().contains(
        ENCODER.id().weightsSha256().substring(0, 12)), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void theLexicalReaderSaysAnEncoderModelIsOneInsteadOfMisreadingIt(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("m.dmm");
    EncoderModelFile.write(stack(ENCODER), file);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().contains("is a sentence-encoder model"), e.getMessage());
  }

  @Test
  void aLexicalModelFileIsNotAnEncoderModelAndIsRefusedAsOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lexical.dmm");
    ModelFile.write(Demarche.defaultModel(), file);
    assertFalse(EncoderModelFile.isEncoderModel(file));
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> EncoderModelFile.read(file));
    assertTrue(e.getMessage().contains("is not a sentence-encoder model"), e.getMessage());
  }

  @Test
  void aDamagedEncoderModelIsRefusedByItsChecksum(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.dmm");
    EncoderModelFile.write(stack(ENCODER), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 100] ^= 1;
    Files.write(file, bytes);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> EncoderModelFile.read(file));
    assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
  }
}
