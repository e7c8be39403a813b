package io.github.demarche.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class EncoderTest {
  private static final Encoder ENCODER = Encoder.load();

  @Test
  void vectorsHaveUnitLengthAndTheEncodersDimension() {
    float[] v = ENCODER.embed("Azerbaijan accused Armenia of shelling its positions.");
    assertEquals(384, v.length);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertEquals(1.0, norm, 1e-4);
  }

  @Test
  void theSameTextGivesTheSameVector() {
    String text = "We call on both sides to exercise restraint.";
    assertArrayEquals(ENCODER.embed(text), ENCODER.embed(text));
  }

  @Test
  void statementsThatMeanTheSameAreCloserThanUnrelatedOnes() {
    float[] appeal = ENCODER.embed("We call on NATO to step up patrols in the Baltic.");
    float[] sameMeaning = ENCODER.embed("We urge the alliance to increase its patrols in the Baltic Sea.");
    float[] unrelated = ENCODER.embed("The minister denied that any soldier had crossed the border.");
    assertTrue(cosine(appeal, sameMeaning) > cosine(appeal, unrelated) + 0.1,
        cosine(appeal, sameMeaning) + " vs " + cosine(appeal, unrelated));
  }

  @Test
  void theIdNamesTheWeightsOnTheClassPathByTheirChecksum() throws Exception {
    EncoderId id = ENCODER.id();
    assertEquals("all-minilm-l6-v2-q", id.name());
    assertEquals(384, id.dimension());
    try (InputStream in = Encoder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
      assertEquals(Hashing.sha256().hashBytes(in.readAllBytes()).toString(), id.weightsSha256());
    }
    assertTrue(id.version().startsWith("1."), id.version());
  }

  @Test
  void loadingTwiceSharesOneEncoder() {
    assertSame(ENCODER, Encoder.load(Encoder.Weights.ALL_MINILM_L6_V2_Q));
  }

  @Test
  void blankTextAndUnknownEncodersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ENCODER.embed(" \u00a0"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Encoder.Weights.named("bert-large"));
    assertTrue(e.getMessage().contains("all-minilm-l6-v2-q"), e.getMessage());
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
