package io.github.demarche.encoder;

/**
 * Turns a statement into a vector of unit length. {@link Encoder} runs a pretrained sentence
 * encoder; training and cross-validation use a cache of its vectors that names the same {@link
 * EncoderId}. Implementations must be safe to share across threads.
 */
public interface TextEmbedder {

  /** The encoder whose vectors this returns. */
  EncoderId id();

  /**
   * The vector of a text: {@code id().dimension()} values of unit Euclidean length.
   *
   * @throws IllegalArgumentException when the text is blank
   */
  float[] embed(String text);
}
