package io.github.demarche.model;

import static io.github.demarche.model.HostileModelFiles.GOOD;
import static io.github.demarche.model.HostileModelFiles.reseal;
import static io.github.demarche.model.HostileModelFiles.withManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile model files are refused with a {@link ModelFormatException} naming the file, never
 * another exception, and without allocating what their length fields claim.
 */
class ModelFileHostileTest {
  @TempDir Path dir;

  /** Loads, and insists the outcome is a model or a ModelFormatException naming the file. */
  private static String refusal(byte[] bytes) {
    try {
      ModelFile.fromBytes("h.dmm", bytes);
      return null;
    } catch (ModelFormatException e) {
      assertTrue(e.getMessage().startsWith("h.dmm: "), e.getMessage());
      assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
      return e.getMessage();
    } catch (RuntimeException e) {
      throw new AssertionError("not a ModelFormatException for " + bytes.length + " bytes", e);
    }
  }

  private static void refused(byte[] bytes, String fragment) {
    String m = refusal(bytes);
    if (m == null) {
      fail("loaded, expected a refusal containing '" + fragment + "'");
    }
    assertTrue(m.contains(fragment), m);
  }

  @Test
  void randomBytesAreRefused() {
    Random r = new Random(7);
    for (int i = 0; i < 3000; i++) {
      byte[] b = new byte[r.nextInt(300)];
      r.nextBytes(b);
      refused(b, "not a Demarche model file");
      // the same after a valid magic and version, with and without a consistent length and checksum
      byte[] withMagic = Arrays.copyOf(ModelFile.MAGIC, ModelFile.HEADER + b.length);
      withMagic[8] = 1;
      System.arraycopy(b, 0, withMagic, ModelFile.HEADER, b.length);
      assertTrue(refusal(withMagic) != null);
      assertTrue(refusal(reseal(withMagic)) != null);
    }
  }

  @Test
  void aFlippedBitAnywhereIsRefused() {
    for (int off = 0; off < GOOD.length; off++) {
      byte[] b = GOOD.clone();
      b[off] ^= (byte) (1 << (off % 8));
      assertTrue(refusal(b) != null, "flipped bit at " + off + " was accepted");
    }
  }

  @Test
  void aFlippedBitBehindAValidChecksumIsRefusedOrLoadsCleanly() {
    // a weight changed and resealed is a different valid model; anything else must be refused
    int refused = 0;
    for (int off = ModelFile.HEADER; off < GOOD.length - ModelFile.CHECKSUM; off++) {
      byte[] b = GOOD.clone();
      b[off] ^= (byte) (1 << (off % 8));
      if (refusal(reseal(b)) != null) {
        refused++;
      }
    }
    assertTrue(refused > 100, "only " + refused + " refused");
  }

  @Test
  void truncationAtEveryOffsetClassIsRefused() {
    int manifestEnd = HostileModelFiles.bodyStart(GOOD);
    for (int len = 0; len < GOOD.length; len++) {
      String m = refusal(Arrays.copyOf(GOOD, len));
      assertTrue(m != null, "truncated to " + len + " was accepted");
      if (len >= ModelFile.HEADER) {
        assertTrue(m.contains("truncated: " + len + " of " + GOOD.length), m);
      }
    }
    refused(Arrays.copyOf(GOOD, GOOD.length - 1), "truncated");
    // truncated and resealed: the sizes in the manifest no longer match the bytes
    refused(reseal(Arrays.copyOf(GOOD, GOOD.length - 40)), "but " + (GOOD.length - 40 - manifestEnd - 32) + " bytes follow it");
  }

  @Test
  void extraBytesAfterTheDeclaredEndAreRefused() {
    refused(Arrays.copyOf(GOOD, GOOD.length + 1), "bytes after the end");
  }

  @Test
  void lengthFieldsClaimingGigabytesAreRefusedBeforeAllocating() {
    for (long claim : new long[] {1L << 31, 1L << 40, -1L, Long.MIN_VALUE, ModelFile.MAX_BYTES + 1, 0, 55}) {
      byte[] b = GOOD.clone();
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(12, claim);
      refused(b, "corrupted header (declared length " + claim + ")");
    }
    for (int claim : new int[] {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0, 1, GOOD.length}) {
      byte[] b = GOOD.clone();
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(ModelFile.HEADER, claim);
      refused(reseal(b), "manifest length " + claim + " does not fit the file");
    }
  }

  @Test
  void aManifestClaimingBillionsOfFeaturesIsRefusedBeforeAllocating() {
    for (long features : new long[] {1L << 31, (1L << 31) - 1, 1L << 40, Long.MAX_VALUE}) {
      refused(withManifest(m -> ((ObjectNode) m.get("weights")).put("features", features)),
          "manifest declares " + features + " features");
    }
  }

  @Test
  void featureCountsChosenToOverflowTheSizeArithmeticAreRefused() {
    // with 10 outputs a feature takes 8 + 40 = 48 bytes; 48 * 2^62 wraps to 0 in 64 bits, so
    // p + 2^62 features would pass a size check done in plain long arithmetic
    int outputs = HostileModelFiles.MODEL.outputs().size();
    assertEquals(10, outputs);
    long real = HostileModelFiles.MODEL.featureCount();
    for (long wrap : new long[] {1L << 62, 1L << 63 >>> 1, 3L << 61}) {
      long claimed = real + wrap;
      refused(withManifest(m -> ((ObjectNode) m.get("weights")).put("features", claimed)),
          "features x " + outputs + " outputs");
    }
  }

  @Test
  void manifestsOfTheWrongShapeAreRefusedWithTheField() {
    refused(withManifest(m -> m.put("format", "other")), "does not describe a demarche-model");
    refused(withManifest(m -> m.put("mode", "PSYCHIC")), "inconsistent model: No enum constant");
    // found by the fuzzer: manifest text quoted in the message must not break it across lines
    refused(withManifest(m -> m.put("mode", "A\nB\u001b[31m" + "C".repeat(10_000))), "Mode.A\\u000AB\\u001B[31mCCC");
    refused(withManifest(m -> m.put("mode", "C".repeat(10_000))), "...(");
    refused(withManifest(m -> m.remove("taxonomy")), "manifest lacks 'taxonomy'");
    refused(withManifest(m -> m.putArray("features")), "'features' must be an object");
    refused(withManifest(m -> m.putObject("features").put("features.word_ngrams", "seven")),
        "features.word_ngrams must be a whole number");
    refused(withManifest(m -> m.putArray("outputs")), "weight sizes disagree");
    refused(withManifest(m -> ((ObjectNode) m.get("outputs").get(0)).put("platt_a", "x")),
        "'platt_a' must be a number");
    refused(withManifest(m -> ((ObjectNode) m.get("outputs").get(0)).put("threshold", 7)),
        "threshold must be in [0, 1]");
    refused(withManifest(m -> ((ObjectNode) m.get("outputs").get(0)).put("label", "nonsense")),
        "is not a taxonomy label");
    refused(withManifest(m -> ((ObjectNode) m.get("taxonomy")).putArray("labels")),
        "must have at least one label");
  }

  @Test
  void nonFiniteOrHugeWeightsAreRefusedAtLoadNotAtClassification() {
    int manifestEnd = HostileModelFiles.bodyStart(GOOD);
    int features = HostileModelFiles.MODEL.featureCount();
    int firstWeight = manifestEnd + 8 * features;
    int firstBias = firstWeight + 4 * features * 9;
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, 3e38f}) {
      for (int at : new int[] {firstWeight, firstBias}) {
        byte[] b = GOOD.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, bad);
        String m = refusal(reseal(b));
        assertTrue(m != null && (m.contains("outside +-") || m.contains("must be finite")), m);
      }
    }
  }

  @Test
  void unsortedFeatureHashesAreRefused() {
    int manifestEnd = HostileModelFiles.bodyStart(GOOD);
    byte[] b = GOOD.clone();
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long first = buf.getLong(manifestEnd);
    buf.putLong(manifestEnd, buf.getLong(manifestEnd + 8));
    buf.putLong(manifestEnd + 8, first);
    refused(reseal(b), "strictly increasing");
  }

  @Test
  void aDeeplyNestedManifestIsRefusedWithoutAStackOverflow() {
    byte[] manifest = ("{\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}").getBytes();
    refused(HostileModelFiles.assemble(manifest, new byte[0]), "manifest is not valid JSON");
  }

  @Test
  void streamsThatClaimMoreThanTheyHoldOrNeverEndAreBounded() throws Exception {
    byte[] head = Arrays.copyOf(GOOD, 5000);
    ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).putLong(12, ModelFile.MAX_BYTES);
    ModelFormatException short1 = assertThrows(ModelFormatException.class,
        () -> ModelFile.read("s", new ByteArrayInputStream(head)));
    assertEquals("s: truncated: 5000 of " + ModelFile.MAX_BYTES + " bytes", short1.getMessage());
    // an endless stream after a good file: the loader stops at the declared end
    InputStream endless = new java.io.SequenceInputStream(new ByteArrayInputStream(GOOD), new InputStream() {
      @Override
      public int read() {
        return 0;
      }
    });
    assertTrue(assertThrows(ModelFormatException.class, () -> ModelFile.read("s", endless))
        .getMessage().contains("bytes after the end"));
  }

  @Test
  void filesThatAreNotRegularFilesAreRefused() throws Exception {
    assertEquals(dir + ": is a directory, not a model file",
        assertThrows(ModelFormatException.class, () -> ModelFile.read(dir)).getMessage());
    assertEquals(dir.resolve("none") + ": no such file",
        assertThrows(ModelFormatException.class, () -> ModelFile.read(dir.resolve("none"))).getMessage());
    Path empty = Files.createFile(dir.resolve("empty.dmm"));
    assertEquals(empty + ": not a Demarche model file (wrong magic bytes)",
        assertThrows(ModelFormatException.class, () -> ModelFile.read(empty)).getMessage());
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      // its size reads as 0 and it never ends: the loader must stop at the (wrong) magic
      assertEquals("/dev/zero: not a Demarche model file (wrong magic bytes)",
          assertThrows(ModelFormatException.class, () -> ModelFile.read(zero)).getMessage());
    }
  }
}
