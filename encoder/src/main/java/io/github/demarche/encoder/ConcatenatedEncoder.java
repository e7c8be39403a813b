package io.github.demarche.encoder;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Several sentence encoders side by side: a statement's vector is each encoder's vector in turn,
 * scaled by one over the square root of their number so that the whole has unit length. Two
 * encoders trained on different data see different things in a statement, and the stack reads both
 * (the encoder family's default, all-MiniLM-L6-v2 and E5-small-v2, gains over either alone:
 * docs/encoder.md). Its {@link EncoderId} joins the parts' names and versions with {@value
 * Encoder#JOIN}, adds their dimensions, and its checksum is the SHA-256 of the parts' checksums
 * joined the same way, so a model file names the exact weights of every part. Made by {@link
 * Encoder#named}. Thread-safe: its parts are.
 */
public final class ConcatenatedEncoder implements TextEmbedder {
  private final List<Encoder> parts;
  private final EncoderId id;
  private final float scale;

  ConcatenatedEncoder(List<Encoder> parts) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException("a concatenation needs at least two encoders");
    }
    this.parts = List.copyOf(parts);
    StringBuilder name = new StringBuilder();
    StringBuilder version = new StringBuilder();
    StringBuilder sums = new StringBuilder();
    int dimension = 0;
    for (Encoder e : this.parts) {
      String sep = name.length() == 0 ? "" : Encoder.JOIN;
      name.append(sep).append(e.id().name());
      version.append(sep).append(e.id().version());
      sums.append(sep).append(e.id().weightsSha256());
      dimension += e.id().dimension();
    }
    this.id = new EncoderId(name.toString(), version.toString(),
        Hashing.sha256().hashString(sums, StandardCharsets.UTF_8).toString(), dimension);
    this.scale = (float) (1.0 / Math.sqrt(this.parts.size()));
  }

  /** The encoders, in the order of their values in the vector. */
  public List<Encoder> parts() {
    return parts;
  }

  @Override
  public EncoderId id() {
    return id;
  }

  @Override
  public float[] embed(String text) {
    float[] out = new float[id.dimension()];
    int at = 0;
    for (Encoder e : parts) {
      float[] v = e.embed(text);
      for (float x : v) {
        out[at++] = x * scale;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ConcatenatedEncoder[" + id.describe() + "]";
  }
}
