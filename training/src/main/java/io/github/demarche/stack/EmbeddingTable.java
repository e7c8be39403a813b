package io.github.demarche.stack;

import io.github.demarche.encoder.EncoderId;
import io.github.demarche.encoder.TextEmbedder;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vectors of a set of texts, computed once in parallel and then looked up: cross-validation
 * and stacking embed every statement once however many models they train. Texts it does not hold
 * are passed to the encoder. Thread-safe.
 */
public final class EmbeddingTable implements TextEmbedder {
  private final TextEmbedder encoder;
  private final Map<String, float[]> vectors;

  private EmbeddingTable(TextEmbedder encoder, Map<String, float[]> vectors) {
    this.encoder = encoder;
    this.vectors = vectors;
  }

  /**
   * The vectors of these texts, embedded on the common fork-join pool (each call of the encoder
   * uses one thread).
   */
  public static EmbeddingTable of(TextEmbedder encoder, Collection<String> texts) {
    if (encoder instanceof EmbeddingTable table) {
      return table;
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
    Map<String, float[]> vectors = new ConcurrentHashMap<>();
    distinct.parallelStream().forEach(t -> vectors.put(t, encoder.embed(t)));
    return new EmbeddingTable(encoder, new HashMap<>(vectors));
  }

  @Override
  public EncoderId id() {
    return encoder.id();
  }

  @Override
  public float[] embed(String text) {
    float[] v = vectors.get(text);
    return v != null ? v.clone() : encoder.embed(text);
  }

  /** The number of texts held. */
  public int size() {
    return vectors.size();
  }
}
