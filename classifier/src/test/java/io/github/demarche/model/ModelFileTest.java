package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.demarche.Demarche;
import io.github.demarche.api.StanceInput;
import io.github.demarche.data.Example;
import io.github.demarche.testing.Corpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFileTest {
  private static final byte[] BYTES = ModelFile.toBytes(Demarche.defaultModel());

  @Test
  void reloadedModelScoresBitIdentically() {
    StanceModel original = Demarche.defaultModel();
    StanceModel reloaded = ModelFile.fromBytes("copy", BYTES);
    assertArrayEquals(BYTES, ModelFile.toBytes(reloaded));
    List<Example> dev = Corpus.devExamples();
    for (Example e : dev.subList(0, 50)) {
      StanceInput in = new StanceInput(e.text(), e.target());
      assertArrayEquals(original.scoreArray(in), reloaded.scoreArray(in), e.text());
    }
    assertEquals(original.featureConfig(), reloaded.featureConfig());
    assertEquals(original.calibration(), reloaded.calibration());
  }

  @Test
  void oneFlippedByteIsRefusedAsCorrupted() {
    byte[] b = BYTES.clone();
    b[b.length / 2] ^= 0x10;
    var e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes("m.dmm", b));
    assertTrue(e.getMessage().startsWith("m.dmm: corrupted: SHA-256"), e.getMessage());
  }

  @Test
  void truncatedFileIsRefusedAsTruncated() {
    byte[] b = Arrays.copyOf(BYTES, BYTES.length - 100);
    var e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes("m.dmm", b));
    assertTrue(e.getMessage().contains("truncated: " + b.length + " of " + BYTES.length), e.getMessage());
  }

  @Test
  void wrongMagicIsRefusedAsNotAModel() {
    byte[] b = BYTES.clone();
    b[0] = 'X';
    var e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes("m.dmm", b));
    assertTrue(e.getMessage().contains("not a Demarche model file"), e.getMessage());
    var json = assertThrows(ModelFormatException.class,
        () -> ModelFile.fromBytes("m.json", "{\"text\":\"x\"}".getBytes()));
    assertTrue(json.getMessage().contains("not a Demarche model file"), json.getMessage());
  }

  @Test
  void futureFormatVersionIsRefusedWithUpgradeAdvice() {
    byte[] b = BYTES.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) (ModelFile.FORMAT_VERSION + 1));
    var e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes("m.dmm", b));
    assertTrue(e.getMessage().contains("newer Demarche"), e.getMessage());
  }

  @Test
  void headerClaimingGigabytesIsRefusedWithoutAllocating() throws Exception {
    byte[] b = BYTES.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(12, 1L << 40);
    var e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes("m.dmm", b));
    assertTrue(e.getMessage().contains("corrupted header"), e.getMessage());
    var stream = assertThrows(ModelFormatException.class,
        () -> ModelFile.read("s", new java.io.ByteArrayInputStream(Arrays.copyOf(BYTES, 5000))));
    assertTrue(stream.getMessage().contains("truncated"), stream.getMessage());
  }
}
