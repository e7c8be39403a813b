package io.github.demarche.encoder;

import java.util.regex.Pattern;

/**
 * Which sentence encoder produced some embeddings: its name, the version of the artifact that
 * ships its weights, the SHA-256 of those weights and the length of its vectors. An encoder model
 * file records it, and is refused by an encoder whose name, weights or dimension differ. Immutable
 * and thread-safe.
 *
 * @param name the encoder's name, e.g. {@code all-minilm-l6-v2-q}
 * @param version the version of the artifact that holds its weights
 * @param weightsSha256 the SHA-256 of its ONNX weights, 64 lower-case hex digits
 * @param dimension the length of its vectors
 */
public record EncoderId(String name, String version, String weightsSha256, int dimension) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Checks every part. */
  public EncoderId {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("encoder name must not be blank");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("encoder version must not be blank");
    }
    if (weightsSha256 == null || !SHA256.matcher(weightsSha256).matches()) {
      throw new IllegalArgumentException(
          "encoder weights checksum must be 64 lower-case hex digits, was " + weightsSha256);
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("encoder dimension must be at least 1, was " + dimension);
    }
  }

  /** Whether vectors of the other encoder can stand for this one's: same name, weights, length. */
  public boolean sameWeights(EncoderId other) {
    return name.equals(other.name) && weightsSha256.equals(other.weightsSha256)
        && dimension == other.dimension;
  }

  /** Name, version and the first 12 hex digits of the checksum, for messages. */
  public String describe() {
    return name + " " + version + " (weights sha256 " + weightsSha256.substring(0, 12) + "..., "
        + dimension + " dimensions)";
  }
}
