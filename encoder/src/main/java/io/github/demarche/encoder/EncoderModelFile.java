package io.github.demarche.encoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.demarche.data.Printable;
import io.github.demarche.model.ModelFile;
import io.github.demarche.model.ModelFormatException;
import io.github.demarche.model.Provenance;
import io.github.demarche.model.StanceModel;
import io.github.demarche.output.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads and writes sentence-encoder model files: the container of {@link ModelFile} (magic,
 * version, length, JSON manifest, payload, SHA-256; see {@code docs/model-format.md}) with the
 * manifest format {@value ModelFile#ENCODER_FORMAT}. The manifest names the encoder (name, version
 * of its artifact, SHA-256 of its weights, dimension); the payload holds the whole lexical model
 * file whose scores are stacked, then the stack's weights and biases. Loading refuses a file whose
 * encoder is not the one on the class path, with a message naming both. Stateless and
 * thread-safe.
 */
public final class EncoderModelFile {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private EncoderModelFile() {}

  /** Writes the model to a file, replacing it atomically (see {@link ModelFile#write}). */
  public static void write(StackedClassifier model, Path path) throws IOException {
    AtomicFile.write(path, toBytes(model));
  }

  /**
   * The model as the bytes of a model file; the same model always gives the same bytes.
   *
   * @throws IllegalArgumentException when the model has no lexical model (an encoder-only model
   *     trained for comparison in cross-validation), which the file needs for its labels
   */
  public static byte[] toBytes(StackedClassifier model) {
    if (model.lexical() == null) {
      throw new IllegalArgumentException("an encoder model without its lexical model cannot be saved");
    }
    byte[] lexical = ModelFile.toBytes(model.lexical());
    int k = model.taxonomy().size();
    int n = model.inputCount();
    ObjectNode m = JSON.createObjectNode();
    m.put("format", ModelFile.ENCODER_FORMAT);
    m.put("format_version", ModelFile.FORMAT_VERSION);
    m.put("mode", model.mode().name());
    EncoderId id = model.embedder().id();
    ObjectNode e = m.putObject("encoder");
    e.put("name", id.name());
    e.put("version", id.version());
    e.put("weights_sha256", id.weightsSha256());
    e.put("dimension", id.dimension());
    m.put("lexical_inputs", model.lexicalInputs());
    ArrayNode outputs = m.putArray("outputs");
    for (int o = 0; o < k; o++) {
      outputs.addObject().put("label", model.taxonomy().labels().get(o).name())
          .put("threshold", model.threshold(o));
    }
    ObjectNode w = m.putObject("weights");
    w.put("lexical_model_bytes", lexical.length);
    w.put("inputs", n);
    w.put("outputs", k);
    w.put("encoding", "the lexical model file, then weights f32 output-major (input j of output o"
        + " at o*inputs+j; inputs: the encoder vector, then the lexical scores in taxonomy order"
        + " when lexical_inputs), then bias f32; little-endian");
    m.set("provenance", ModelFile.provenanceJson(model.provenance()));
    byte[] manifest;
    try {
      manifest = JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write the manifest", ex);
    }
    ByteBuffer payload = ByteBuffer.allocate(lexical.length + 4 * (k * n + k))
        .order(ByteOrder.LITTLE_ENDIAN);
    payload.put(lexical);
    for (float x : model.weightsCopy()) {
      payload.putFloat(x);
    }
    for (int o = 0; o < k; o++) {
      payload.putFloat(model.bias(o));
    }
    return ModelFile.seal(manifest, payload.array());
  }

  /**
   * Whether a file is a sentence-encoder model (rather than a lexical one), after the checks of
   * its container.
   *
   * @throws ModelFormatException when it is not a model file of either family
   */
  public static boolean isEncoderModel(Path path) {
    return ModelFile.ENCODER_FORMAT.equals(ModelFile.open(path).format());
  }

  /**
   * Loads an encoder model file with the encoder it names, loaded from the class path.
   *
   * @throws ModelFormatException naming the file and what is wrong, an encoder that is not on the
   *     class path or whose weights differ from those the model was trained on included
   */
  public static StackedClassifier read(Path path) {
    String name = Printable.oneLine(path.toString());
    ModelFile.Opened opened = ModelFile.open(path);
    EncoderId recorded = recordedEncoder(name, opened);
    TextEmbedder encoder;
    try {
      encoder = Encoder.named(recorded.name());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ModelFormatException(name + ": needs the sentence encoder " + recorded.describe()
          + ", which cannot be loaded: " + Printable.oneLine(e.getMessage()));
    }
    return assemble(name, opened, recorded, encoder);
  }

  /**
   * Loads an encoder model file that will read its vectors from {@code embedder}.
   *
   * @throws ModelFormatException naming the file and what is wrong, an embedder other than the
   *     encoder it was trained on included
   */
  public static StackedClassifier read(Path path, TextEmbedder embedder) {
    String name = Printable.oneLine(path.toString());
    ModelFile.Opened opened = ModelFile.open(path);
    return assemble(name, opened, recordedEncoder(name, opened), embedder);
  }

  /**
   * Loads an encoder model from the whole bytes of its file, reading vectors from {@code embedder}.
   *
   * @param name what to call the source in messages
   */
  public static StackedClassifier fromBytes(String name, byte[] bytes, TextEmbedder embedder) {
    ModelFile.Opened opened = ModelFile.open(name, bytes);
    return assemble(name, opened, recordedEncoder(name, opened), embedder);
  }

  private static EncoderId recordedEncoder(String name, ModelFile.Opened opened) {
    if (!ModelFile.ENCODER_FORMAT.equals(opened.format())) {
      throw new ModelFormatException(name + ": is not a sentence-encoder model (its format is '"
          + Printable.oneLine(opened.format()) + "'); load a lexical model with ModelFile or Demarche.loadModel");
    }
    JsonNode e = opened.manifest().path("encoder");
    try {
      return new EncoderId(e.path("name").asText(""), e.path("version").asText(""),
          e.path("weights_sha256").asText(""), e.path("dimension").asInt(0));
    } catch (IllegalArgumentException ex) {
      throw new ModelFormatException(name + ": corrupted: the manifest's encoder is not valid: "
          + Printable.oneLine(ex.getMessage()));
    }
  }

  private static StackedClassifier assemble(String name, ModelFile.Opened opened,
      EncoderId recorded, TextEmbedder embedder) {
    EncoderId actual = embedder.id();
    if (!recorded.sameWeights(actual)) {
      throw new ModelFormatException(name + ": was trained on the sentence encoder "
          + recorded.describe() + " but the encoder here is " + actual.describe()
          + "; its vectors would not mean what the model learned. Use the encoder the model names"
          + " (the demarche-encoder version that trained it) or retrain the model");
    }
    JsonNode m = opened.manifest();
    ByteBuffer b = opened.payload();
    try {
      JsonNode w = m.path("weights");
      long lexicalBytes = w.path("lexical_model_bytes").asLong(-1);
      long n = w.path("inputs").asLong(-1);
      long k = w.path("outputs").asLong(-1);
      if (lexicalBytes < 0 || lexicalBytes > b.remaining() || n < 1 || k < 1
          || k > b.remaining() / 4 || n > b.remaining() / 4) {
        throw new ModelFormatException(name + ": corrupted: weight sizes do not fit the file");
      }
      byte[] lexicalFile = new byte[(int) lexicalBytes];
      b.get(lexicalFile);
      if ((n * k + k) * 4 != b.remaining()) {
        throw new ModelFormatException(name + ": corrupted: manifest declares " + k + " outputs x "
            + n + " inputs but " + b.remaining() + " bytes follow the lexical model");
      }
      StanceModel lexical = ModelFile.fromBytes(name + " (its lexical model)", lexicalFile);
      float[] weights = new float[(int) (n * k)];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = b.getFloat();
      }
      float[] bias = new float[(int) k];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = b.getFloat();
      }
      JsonNode outs = m.path("outputs");
      if (!outs.isArray() || outs.size() != k) {
        throw new ModelFormatException(name + ": corrupted: " + outs.size() + " outputs listed, "
            + k + " declared");
      }
      double[] thresholds = new double[(int) k];
      for (int o = 0; o < k; o++) {
        JsonNode out = outs.get(o);
        if (!lexical.taxonomy().labels().get(o).name().equals(out.path("label").asText())) {
          throw new ModelFormatException(name + ": corrupted: output " + o + " is '"
              + Printable.oneLine(out.path("label").asText()) + "', not the lexical model's label");
        }
        thresholds[o] = out.path("threshold").asDouble(Double.NaN);
      }
      Provenance provenance = ModelFile.provenanceOf(m.path("provenance"));
      if (!lexical.mode().name().equals(m.path("mode").asText())) {
        throw new ModelFormatException(name + ": corrupted: mode " + Printable.oneLine(m.path("mode").asText())
            + " differs from its lexical model's " + lexical.mode());
      }
      return new StackedClassifier(lexical.taxonomy(), lexical.mode(), lexical,
          m.path("lexical_inputs").asBoolean(true), embedder, weights, bias, thresholds, provenance);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name + ": inconsistent model: " + Printable.oneLine(e.getMessage()));
    }
  }
}
