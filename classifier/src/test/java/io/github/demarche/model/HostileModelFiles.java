package io.github.demarche.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.github.demarche.Demarche;
import io.github.demarche.features.FeatureIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Builds hostile model files for tests: parts of a real file changed and then "resealed" (length
 * and SHA-256 made consistent again), so they get past the checksum and test the checks behind it.
 */
final class HostileModelFiles {
  /** The default model cut down to its first 40 features: a real file small enough to mutate fast. */
  static final StanceModel MODEL = small(Demarche.defaultModel(), 40);
  static final byte[] GOOD = ModelFile.toBytes(MODEL);
  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileModelFiles() {}

  private static StanceModel small(StanceModel m, int p) {
    int k = m.outputs().size();
    long[] keys = new long[p];
    float[] weights = new float[p * k];
    for (int j = 0; j < p; j++) {
      keys[j] = m.index().key(j);
      for (int o = 0; o < k; o++) {
        weights[j * k + o] = (float) m.weight(j, o);
      }
    }
    return new StanceModel(m.taxonomy(), m.mode(), m.featureConfig(), new FeatureIndex(keys), weights,
        m.biasView().clone(), m.outputs(), m.calibration(), m.provenance());
  }

  /** Where the feature hashes start: after the header, the manifest length and the manifest. */
  static int bodyStart(byte[] file) {
    return ModelFile.HEADER + 4 + manifestLength(file);
  }

  static int manifestLength(byte[] file) {
    return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(ModelFile.HEADER);
  }

  /** Sets the header's total length to the array's length and recomputes the trailing SHA-256. */
  static byte[] reseal(byte[] file) {
    if (file.length < ModelFile.HEADER + ModelFile.CHECKSUM) {
      return file;
    }
    byte[] b = file.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(12, b.length);
    int end = b.length - ModelFile.CHECKSUM;
    System.arraycopy(Hashing.sha256().hashBytes(b, 0, end).asBytes(), 0, b, end, ModelFile.CHECKSUM);
    return b;
  }

  /** The good file with its manifest edited (and the body kept), resealed. */
  static byte[] withManifest(Consumer<ObjectNode> edit) {
    int len = manifestLength(GOOD);
    int start = ModelFile.HEADER + 4;
    ObjectNode m;
    try {
      m = (ObjectNode) JSON.readTree(Arrays.copyOfRange(GOOD, start, start + len));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    edit.accept(m);
    byte[] manifest;
    try {
      manifest = JSON.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    byte[] body = Arrays.copyOfRange(GOOD, start + len, GOOD.length - ModelFile.CHECKSUM);
    return assemble(manifest, body);
  }

  /** The good file with its manifest text edited as text (and the body kept), resealed. */
  static byte[] withManifestText(java.util.function.UnaryOperator<String> edit) {
    int len = manifestLength(GOOD);
    int start = ModelFile.HEADER + 4;
    String manifest = new String(GOOD, start, len, java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(GOOD, start + len, GOOD.length - ModelFile.CHECKSUM);
    return assemble(edit.apply(manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8), body);
  }

  /** A file of the given manifest bytes and body, with a correct header and checksum. */
  static byte[] assemble(byte[] manifest, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(ModelFile.HEADER + 4 + manifest.length + body.length + ModelFile.CHECKSUM)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(ModelFile.MAGIC).putShort((short) ModelFile.FORMAT_VERSION).putShort((short) 0).putLong(0);
    b.putInt(manifest.length).put(manifest).put(body);
    return reseal(b.array());
  }
}
