package io.github.demarche.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import io.github.demarche.model.ModelFormatException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcatenatedEncoderTest {
  private static final String BOTH = "all-minilm-l6-v2-q+e5-small-v2-q";
  private static final String TEXT = "We call on our partners to stand with Guyana.";

  @Test
  void e5IsOnTheClassPathAndNamedByTheChecksumOfItsWeights() throws Exception {
    Encoder e5 = Encoder.load(Encoder.Weights.E5_SMALL_V2_Q);
    EncoderId id = e5.id();
    assertEquals("e5-small-v2-q", id.name());
    assertEquals(384, id.dimension());
    try (InputStream in = Encoder.class.getResourceAsStream("/e5-small-v2-q.onnx")) {
      assertEquals(Hashing.sha256().hashBytes(in.readAllBytes()).toString(), id.weightsSha256());
    }
    float[] v = e5.embed(TEXT);
    assertEquals(1.0, EncoderTest.cosine(v, v), 1e-4);
    assertArrayEquals(v, e5.embed(TEXT));
  }

  @Test
  void e5PlacesStatementsOfOneMeaningCloserThanUnrelatedOnes() {
    Encoder e5 = Encoder.load(Encoder.Weights.E5_SMALL_V2_Q);
    float[] appeal = e5.embed("We call on NATO to step up patrols in the Baltic.");
    float[] sameMeaning = e5.embed("We urge the alliance to increase its patrols in the Baltic Sea.");
    float[] unrelated = e5.embed("The minister denied that any soldier had crossed the border.");
    assertTrue(EncoderTest.cosine(appeal, sameMeaning) > EncoderTest.cosine(appeal, unrelated),
        EncoderTest.cosine(appeal, sameMeaning) + " vs " + EncoderTest.cosine(appeal, unrelated));
  }

  @Test
  void joinedNamesPutTheEncodersVectorsSideBySideAtUnitLength() {
    TextEmbedder both = Encoder.named(BOTH);
    ConcatenatedEncoder c = assertInstanceOf(ConcatenatedEncoder.class, both);
    Encoder mini = Encoder.load(Encoder.Weights.ALL_MINILM_L6_V2_Q);
    Encoder e5 = Encoder.load(Encoder.Weights.E5_SMALL_V2_Q);
    assertEquals(List.of(mini, e5), c.parts());
    float[] v = both.embed(TEXT);
    assertEquals(768, v.length);
    assertEquals(1.0, EncoderTest.cosine(v, v), 1e-4);
    float[] a = mini.embed(TEXT);
    float[] b = e5.embed(TEXT);
    double s = Math.sqrt(0.5);
    for (int j = 0; j < 384; j++) {
      assertEquals(a[j] * s, v[j], 1e-6);
      assertEquals(b[j] * s, v[384 + j], 1e-6);
    }
  }

  @Test
  void theJoinedIdNamesEveryPartAndChecksumsTheirChecksums() {
    EncoderId id = Encoder.named(BOTH).id();
    EncoderId mini = Encoder.load(Encoder.Weights.ALL_MINILM_L6_V2_Q).id();
    EncoderId e5 = Encoder.load(Encoder.Weights.E5_SMALL_V2_Q).id();
    assertEquals(BOTH, id.name());
    assertEquals(mini.version() + "+" + e5.version(), id.version());
    assertEquals(768, id.dimension());
    assertEquals(Hashing.sha256().hashString(mini.weightsSha256() + "+" + e5.weightsSha256(),
        StandardCharsets.UTF_8).toString(), id.weightsSha256());
    // the order is part of the encoder: the other order gives other vectors and another id
    assertFalse(id.sameWeights(Encoder.named("e5-small-v2-q+all-minilm-l6-v2-q").id()));
    assertSame(Encoder.load(Encoder.Weights.ALL_MINILM_L6_V2_Q), Encoder.named("all-minilm-l6-v2-q"));
  }

  @Test
  void unknownRepeatedOrEmptyPartsAreRefusedNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Encoder.weightsOf("all-minilm-l6-v2-q+bge-large"));
    assertTrue(e.getMessage().contains("bge-large") && e.getMessage().contains("e5-small-v2-q"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Encoder.weightsOf("e5-small-v2-q+e5-small-v2-q"));
    assertTrue(e.getMessage().contains("named twice"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Encoder.weightsOf("all-minilm-l6-v2-q+"));
  }

  @Test
  void aModelFileOverBothEncodersLoadsThemBothAndRefusesOneAlone(@TempDir Path dir)
      throws Exception {
    TextEmbedder both = Encoder.named(BOTH);
    StackedClassifier model = EncoderModelFileTest.stack(both);
    Path file = dir.resolve("both.dmm");
    EncoderModelFile.write(model, file);
    StackedClassifier loaded = EncoderModelFile.read(file);
    assertEquals(both.id(), loaded.embedder().id());
    assertArrayEquals(model.scoreArray(io.github.demarche.api.StanceInput.of(TEXT)),
        loaded.scoreArray(io.github.demarche.api.StanceInput.of(TEXT)));
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> EncoderModelFile.read(file, Encoder.load()));
    assertTrue(e.getMessage().contains(BOTH) && e.getMessage().contains("all-minilm-l6-v2-q 1."),
        e.getMessage());
  }
}
