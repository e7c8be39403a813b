package io.github.demarche.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.github.demarche.data.Printable;
import io.github.demarche.features.FeatureConfig;
import io.github.demarche.features.FeatureIndex;
import io.github.demarche.output.AtomicFile;
import io.github.demarche.taxonomy.Label;
import io.github.demarche.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes Demarche model files ({@code .dmm}). The format is documented in {@code
 * docs/model-format.md}: a fixed header (magic, format version, total length), a JSON manifest,
 * the vocabulary and weights as little-endian arrays, and a SHA-256 of all that precedes it.
 * Loading checks, in order: magic, version, length, checksum, then every size against the bytes
 * present, so a hostile file is refused without allocating more than its own length. No Java
 * serialization is involved. Stateless and thread-safe.
 */
public final class ModelFile {
  /** The first eight bytes of every model file. */
  public static final byte[] MAGIC = "DMRCHMDL".getBytes(StandardCharsets.US_ASCII);
  /** The format version this library writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;
  /** Header: magic (8), version (u16), reserved (u16), total length (u64). */
  static final int HEADER = 8 + 2 + 2 + 8;
  static final int CHECKSUM = 32;
  /** The manifest {@code format} of the sentence-encoder family's files (demarche-encoder). */
  public static final String ENCODER_FORMAT = "demarche-encoder-model";
  /** Larger files are refused before they are read. */
  public static final long MAX_BYTES = 1L << 30;
  static final int MAX_MANIFEST = 16 << 20;
  /** More outputs than this is not a plausible model. */
  static final int MAX_OUTPUTS = 1 << 16;
  /** Larger weights or biases are refused at load time (trained ones are far smaller). */
  static final float MAX_ABS_WEIGHT = 1e6f;

  /** A manifest that repeats a key is refused, not read as last-one-wins. */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  /** Streams are read in steps of this size, so a short stream costs only what it holds. */
  private static final int STEP = 1 << 20;

  private ModelFile() {}

  /**
   * Writes the model to a file, replacing it atomically: the bytes go to a temporary file in the
   * same directory that is then moved into place, so a failed write (a full disk) leaves the old
   * file as it was. Missing directories are created.
   */
  public static void write(StanceModel model, Path path) throws IOException {
    AtomicFile.write(path, toBytes(model));
  }

  /** Writes the model to a stream. */
  public static void write(StanceModel model, OutputStream out) throws IOException {
    out.write(toBytes(model));
  }

  /** The model as the bytes of a model file; the same model always gives the same bytes. */
  public static byte[] toBytes(StanceModel model) {
    byte[] manifest = manifest(model);
    int p = model.featureCount();
    int k = model.outputs().size();
    long total = HEADER + 4L + manifest.length + 8L * p + 4L * p * k + 4L * k + CHECKSUM;
    if (total > MAX_BYTES) {
      throw new IllegalArgumentException("model too large to save: " + total + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) 0).putLong(total);
    b.putInt(manifest.length).put(manifest);
    FeatureIndex index = model.index();
    for (int j = 0; j < p; j++) {
      b.putLong(index.key(j));
    }
    for (float w : model.weightsView()) {
      b.putFloat(w);
    }
    for (float w : model.biasView()) {
      b.putFloat(w);
    }
    byte[] digest = Hashing.sha256().hashBytes(b.array(), 0, b.position()).asBytes();
    b.put(digest);
    return b.array();
  }

  private static byte[] manifest(StanceModel model) {
    ObjectNode m = JSON.createObjectNode();
    m.put("format", "demarche-model");
    m.put("format_version", FORMAT_VERSION);
    m.put("mode", model.mode().name());
    Taxonomy t = model.taxonomy();
    ObjectNode tax = m.putObject("taxonomy");
    tax.put("name", t.name());
    tax.put("exclusive", t.exclusiveLabel().orElse(null));
    ArrayNode labels = tax.putArray("labels");
    for (Label l : t.labels()) {
      ObjectNode o = labels.addObject();
      o.put("name", l.name());
      o.put("description", l.description());
      o.put("cameo", l.cameo());
      o.put("plover", l.plover());
    }
    ObjectNode features = m.putObject("features");
    new TreeMap<>(model.featureConfig().toProperties()).forEach((key, v) -> features.put((String) key, (String) v));
    ArrayNode outputs = m.putArray("outputs");
    List<String> names = model.outputs();
    for (int o = 0; o < names.size(); o++) {
      Calibration c = model.calibration().get(o);
      outputs.addObject().put("label", names.get(o)).put("platt_a", c.a()).put("platt_b", c.b())
          .put("threshold", c.threshold());
    }
    if (model.mode() == Mode.SINGLE_LABEL) {
      m.put("no_position_below", model.noPositionBelow());
    }
    ObjectNode w = m.putObject("weights");
    w.put("features", model.featureCount());
    w.put("outputs", names.size());
    w.put("encoding", "feature hashes i64, then weights f32 feature-major, then bias f32; little-endian");
    m.set("provenance", provenanceJson(model.provenance()));
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the manifest", e);
    }
  }

  /**
   * Loads a model file.
   *
   * @throws ModelFormatException naming the file and what is wrong with it
   */
  public static StanceModel read(Path path) {
    String name = Printable.oneLine(path.toString()); // quoted in one-line messages
    return fromBytes(name, bytesOf(path));
  }

  /**
   * The whole bytes of a model file, after the checks of {@link #read(Path)} that need no more than
   * the header and the checksum; what they hold is not looked at.
   */
  private static byte[] bytesOf(Path path) {
    String name = Printable.oneLine(path.toString());
    long size;
    try {
      if (Files.isDirectory(path)) {
        throw new ModelFormatException(name + ": is a directory, not a model file");
      }
      size = Files.size(path);
    } catch (NoSuchFileException e) {
      throw new ModelFormatException(name + ": no such file");
    } catch (IOException e) {
      throw new ModelFormatException(name + ": cannot be read: " + e.getMessage());
    }
    if (size > MAX_BYTES) {
      throw new ModelFormatException(
          name + ": is " + size + " bytes, more than any model file may be (" + MAX_BYTES + ")");
    }
    // through the stream, which reads no further than the header's declared length: a device or
    // a pipe (whose size reads as 0) cannot make this read forever
    try (InputStream in = Files.newInputStream(path)) {
      if (Files.isRegularFile(path)) {
        checkFile(name, in, size);
        try (InputStream again = Files.newInputStream(path)) {
          return readFile(name, again, size);
        }
      }
      return readBytes(name, in);
    } catch (AccessDeniedException e) {
      throw new ModelFormatException(name + ": cannot be read (permission denied)");
    } catch (IOException e) {
      throw new ModelFormatException(name + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * Checks a regular file's header and checksum as a stream, allocating nothing in proportion to
   * its size: a damaged or forged file of any size is refused whatever the heap.
   */
  private static void checkFile(String name, InputStream in, long size) throws IOException {
    byte[] head = in.readNBytes(HEADER);
    checkHeader(name, head, size);
    Hasher sha = Hashing.sha256().newHasher().putBytes(head);
    byte[] buffer = new byte[1 << 16];
    long left = size - HEADER - CHECKSUM;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new ModelFormatException(name + ": changed size while it was read");
      }
      sha.putBytes(buffer, 0, n);
      left -= n;
    }
    if (!Arrays.equals(sha.hash().asBytes(), in.readNBytes(CHECKSUM))) {
      throw new ModelFormatException(name + ": corrupted: SHA-256 checksum does not match the contents");
    }
  }

  /**
   * A regular file of known {@code size}: the header must declare exactly that size before
   * anything else is allocated, and then the file's bytes are read once into one array of its
   * own length, after {@link #checkFile} found its checksum right. (Reading through a growing buffer and copying it, as before, took about 3.3 times
   * the file's size: a sparse 300 MB file ran out of a 512 MB heap instead of being refused.)
   */
  private static byte[] readFile(String name, InputStream in, long size) throws IOException {
    byte[] head = in.readNBytes(HEADER);
    checkHeader(name, head, size);
    byte[] all = new byte[(int) size];
    System.arraycopy(head, 0, all, 0, HEADER);
    int n = in.readNBytes(all, HEADER, all.length - HEADER);
    if (n != all.length - HEADER || in.read() != -1) {
      throw new ModelFormatException(name + ": changed size while it was read");
    }
    return all;
  }

  /**
   * Loads a model from a stream, reading at most {@link #MAX_BYTES}. The stream's length is not
   * known beforehand, so its bytes are gathered in steps of at most 1 MiB as they arrive and then
   * joined: a stream that claims more than it holds costs at most twice what it holds.
   *
   * @param name what to call the source in messages
   */
  public static StanceModel read(String name, InputStream in) throws IOException {
    return fromBytes(name, readBytes(name, in));
  }

  private static byte[] readBytes(String name, InputStream in) throws IOException {
    byte[] head = in.readNBytes(HEADER);
    checkHeader(name, head, -1);
    long declared = ByteBuffer.wrap(head, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    List<byte[]> steps = new ArrayList<>();
    long total = HEADER;
    while (total < declared) {
      byte[] step = in.readNBytes((int) Math.min(STEP, declared - total));
      if (step.length == 0) {
        break;
      }
      steps.add(step);
      total += step.length;
    }
    byte[] all = new byte[(int) total];
    System.arraycopy(head, 0, all, 0, HEADER);
    int at = HEADER;
    for (byte[] step : steps) {
      System.arraycopy(step, 0, all, at, step.length);
      at += step.length;
    }
    steps.clear();
    if (all.length == declared && in.read() != -1) {
      throw new ModelFormatException(name + ": has bytes after the end the header declares ("
          + declared + " bytes); it is corrupted or not one model file");
    }
    return all;
  }

  private static void checkHeader(String name, byte[] b, long actualLength) {
    if (b.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC)) {
      throw new ModelFormatException(name + ": not a Demarche model file (wrong magic bytes)");
    }
    if (b.length < HEADER) {
      throw new ModelFormatException(name + ": truncated: only " + b.length + " bytes, shorter than the header");
    }
    ByteBuffer h = ByteBuffer.wrap(b, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
    int version = Short.toUnsignedInt(h.getShort(8));
    if (version > FORMAT_VERSION) {
      throw new ModelFormatException(name + ": written in model format version " + version
          + " by a newer Demarche; this version reads up to format " + FORMAT_VERSION + ". Upgrade Demarche.");
    }
    if (version < 1) {
      throw new ModelFormatException(name + ": format version 0 is not a valid model format");
    }
    long declared = h.getLong(12);
    if (declared < HEADER + 4 + CHECKSUM || declared > MAX_BYTES) {
      throw new ModelFormatException(name + ": corrupted header (declared length " + declared + ")");
    }
    if (actualLength >= 0 && actualLength < declared) {
      throw new ModelFormatException(name + ": truncated: " + actualLength + " of " + declared + " bytes");
    }
    if (actualLength > declared) {
      throw new ModelFormatException(name + ": has bytes after the end the header declares ("
          + declared + " bytes); it is corrupted or not one model file");
    }
  }

  /**
   * Loads a model from the whole bytes of a model file.
   *
   * @throws ModelFormatException naming {@code name} and what is wrong
   */
  public static StanceModel fromBytes(String name, byte[] bytes) {
    Opened opened = open(name, bytes);
    try {
      return assemble(name, opened.manifest(), opened.payload());
    } catch (IllegalArgumentException | NullPointerException e) {
      // the message may quote the manifest (a label name, a mode): keep it one safe line
      throw new ModelFormatException(name + ": inconsistent model: "
          + Printable.oneLine(e.getMessage() != null ? e.getMessage() : e.toString()));
    }
  }

  /**
   * A checked file in this container format: its manifest and the bytes that follow it.
   *
   * @param manifest the manifest, one JSON object; its {@code format} names the model family
   * @param payload the bytes between the manifest and the checksum, positioned at their start,
   *     little-endian
   */
  public record Opened(JsonNode manifest, ByteBuffer payload) {
    /** Checks that both parts are present. */
    public Opened {
      java.util.Objects.requireNonNull(manifest, "manifest");
      java.util.Objects.requireNonNull(payload, "payload");
    }

    /** The model family the manifest names ({@code format}), or "" when it names none. */
    public String format() {
      JsonNode f = manifest.get("format");
      return f != null && f.isTextual() ? f.asText() : "";
    }
  }

  /**
   * Opens a file of this container format, of any model family, with every check of {@link
   * #read(Path)} that does not depend on the family: magic, version, length, checksum and a
   * well-formed manifest whose {@code format_version} matches the header. Model families other
   * than the lexical one (the sentence-encoder family of {@code demarche-encoder}) store their
   * own manifest and payload this way.
   *
   * @throws ModelFormatException naming the file and what is wrong with it
   */
  public static Opened open(Path path) {
    return open(Printable.oneLine(path.toString()), bytesOf(path));
  }

  /**
   * The bytes of a file of this container format holding {@code manifest} and {@code payload}:
   * the header, the manifest, the payload and the SHA-256 of all that, as {@link #open} reads them.
   * The manifest must be one JSON object with {@code format} and {@code format_version} equal to
   * {@link #FORMAT_VERSION}.
   */
  public static byte[] seal(byte[] manifest, byte[] payload) {
    long total = HEADER + 4L + manifest.length + payload.length + CHECKSUM;
    if (total > MAX_BYTES || manifest.length > MAX_MANIFEST) {
      throw new IllegalArgumentException("model too large to save: " + total + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) 0).putLong(total);
    b.putInt(manifest.length).put(manifest).put(payload);
    b.put(Hashing.sha256().hashBytes(b.array(), 0, b.position()).asBytes());
    return b.array();
  }

  /**
   * Opens the whole bytes of a file of this container format, as {@link #open(Path)}.
   *
   * @throws ModelFormatException naming {@code name} and what is wrong
   */
  public static Opened open(String name, byte[] bytes) {
    checkHeader(name, bytes, bytes.length);
    int end = bytes.length - CHECKSUM;
    byte[] expected = Hashing.sha256().hashBytes(bytes, 0, end).asBytes();
    if (!Arrays.equals(expected, Arrays.copyOfRange(bytes, end, bytes.length))) {
      throw new ModelFormatException(name + ": corrupted: SHA-256 checksum does not match the contents");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, end).order(ByteOrder.LITTLE_ENDIAN);
    b.position(HEADER);
    int manifestLength = b.getInt();
    if (manifestLength < 2 || manifestLength > Math.min(MAX_MANIFEST, b.remaining())) {
      throw new ModelFormatException(name + ": corrupted: manifest length " + manifestLength + " does not fit the file");
    }
    JsonNode m = manifest(name, bytes, b.position(), manifestLength);
    b.position(b.position() + manifestLength);
    int version = Short.toUnsignedInt(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
    JsonNode manifestVersion = m.get("format_version");
    if (manifestVersion == null || !manifestVersion.isIntegralNumber()
        || manifestVersion.asLong() != version) {
      throw new ModelFormatException(name + ": corrupted: the manifest's format_version ("
          + (manifestVersion == null ? "missing" : Printable.oneLine(manifestVersion.toString()))
          + ") disagrees with the header's format version " + version);
    }
    return new Opened(m, b.slice().order(ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * The manifest: exactly one JSON object, no key twice, nothing after it but white space. Each
   * fault has its own message.
   */
  private static JsonNode manifest(String name, byte[] bytes, int offset, int length) {
    try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
      JsonNode m;
      try {
        m = JSON.readTree(parser);
      } catch (StreamReadException e) {
        String problem = String.valueOf(e.getOriginalMessage());
        if (problem.startsWith("Duplicate field")) {
          throw new ModelFormatException(name + ": corrupted: the manifest repeats a key ("
              + Printable.oneLine(problem) + ")");
        }
        throw new ModelFormatException(name + ": corrupted: manifest is not valid JSON");
      }
      if (m == null || !m.isObject()) {
        throw new ModelFormatException(name + ": corrupted: manifest is not a JSON object");
      }
      boolean trailing;
      try {
        trailing = parser.nextToken() != null;
      } catch (StreamReadException e) {
        trailing = true;
      }
      if (trailing) {
        throw new ModelFormatException(name + ": corrupted: the manifest has bytes after its JSON"
            + " object");
      }
      return m;
    } catch (IOException e) {
      throw new ModelFormatException(name + ": corrupted: manifest is not valid JSON");
    }
  }

  private static StanceModel assemble(String name, JsonNode m, ByteBuffer b) {
    if (ENCODER_FORMAT.equals(m.path("format").asText())) {
      throw new ModelFormatException(name + ": is a sentence-encoder model (format '"
          + ENCODER_FORMAT + "'): load it with demarche-encoder's EncoderModelFile, or give it to"
          + " the command line, which reads either family");
    }
    if (!"demarche-model".equals(text(m, "format"))) {
      throw new ModelFormatException(name + ": manifest does not describe a demarche-model");
    }
    Mode mode = Mode.valueOf(text(m, "mode"));
    JsonNode tax = required(m, "taxonomy");
    List<Label> labels = new ArrayList<>();
    for (JsonNode l : required(tax, "labels")) {
      labels.add(new Label(text(l, "name"), l.path("description").asText(""), nullable(l, "cameo"),
          nullable(l, "plover")));
    }
    Taxonomy taxonomy = new Taxonomy(text(tax, "name"), labels, nullable(tax, "exclusive"));
    Properties fp = FeatureConfig.legacyValues();
    JsonNode featureNode = required(m, "features");
    if (!featureNode.isObject()) {
      throw new IllegalArgumentException("manifest field 'features' must be an object");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = featureNode.fields();
    java.util.Set<String> known = FeatureConfig.defaults().toProperties().stringPropertyNames();
    while (fields.hasNext()) {
      var e = fields.next();
      if (!known.contains(e.getKey())) {
        // a setting this version does not know would be dropped, and the model would be fed
        // features other than those it was trained on
        throw new IllegalArgumentException("manifest field 'features' has the setting '" + e.getKey()
            + "', which this version of Demarche does not know; it cannot rebuild the model's features");
      }
      if (!e.getValue().isValueNode()) {
        throw new IllegalArgumentException("manifest setting '" + e.getKey() + "' must be a string");
      }
      fp.setProperty(e.getKey(), e.getValue().asText());
    }
    FeatureConfig features = FeatureConfig.fromProperties(fp);
    List<String> outputs = new ArrayList<>();
    List<Calibration> calibration = new ArrayList<>();
    for (JsonNode o : required(m, "outputs")) {
      outputs.add(text(o, "label"));
      calibration.add(new Calibration(number(o, "platt_a"), number(o, "platt_b"), number(o, "threshold")));
    }
    JsonNode w = required(m, "weights");
    long p = w.path("features").asLong(-1);
    long k = w.path("outputs").asLong(-1);
    if (p < 0 || k != outputs.size()) {
      throw new ModelFormatException(name + ": corrupted: weight sizes disagree with the outputs");
    }
    // sizes are checked against the bytes present before any arithmetic that could overflow, and
    // before anything is allocated: the arrays below are exactly as large as the file
    if (p > b.remaining() / 8 || k > MAX_OUTPUTS) {
      throw new ModelFormatException(name + ": corrupted: manifest declares " + p + " features x " + k
          + " outputs, more than the " + b.remaining() + " bytes after it can hold");
    }
    long needed = 8 * p + 4 * p * k + 4 * k;
    if (needed != b.remaining()) {
      throw new ModelFormatException(name + ": corrupted: manifest declares " + p + " features x " + k
          + " outputs (" + needed + " bytes) but " + b.remaining() + " bytes follow it");
    }
    long[] keys = new long[(int) p];
    for (int j = 0; j < p; j++) {
      keys[j] = b.getLong();
    }
    float[] weights = new float[(int) (p * k)];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = b.getFloat();
    }
    float[] bias = new float[(int) k];
    for (int i = 0; i < k; i++) {
      bias[i] = b.getFloat();
    }
    checkRange(name, weights, "weight");
    checkRange(name, bias, "bias");
    Provenance provenance = provenanceOf(required(m, "provenance"));
    // absent in files written before single-label models could take no position: always answer
    double noPositionBelow = m.path("no_position_below").asDouble(0.0);
    return new StanceModel(taxonomy, mode, features, new FeatureIndex(keys), weights, bias, outputs,
        calibration, provenance, noPositionBelow);
  }

  /**
   * The manifest's {@code provenance} object of a model of any family: library version, data
   * digest, examples, and label counts, settings and metrics with their keys in order.
   */
  public static ObjectNode provenanceJson(Provenance pv) {
    ObjectNode prov = JSON.createObjectNode();
    prov.put("library_version", pv.libraryVersion());
    prov.put("data_sha256", pv.dataSha256());
    prov.put("examples", pv.examples());
    prov.set("label_counts", JSON.valueToTree(new TreeMap<>(pv.labelCounts())));
    prov.set("hyperparameters", JSON.valueToTree(new TreeMap<>(pv.hyperparameters())));
    prov.set("metrics", JSON.valueToTree(new TreeMap<>(pv.metrics())));
    return prov;
  }

  /** The provenance of a manifest's {@code provenance} object ({@link #provenanceJson}). */
  public static Provenance provenanceOf(JsonNode prov) {
    Map<String, Integer> counts = new TreeMap<>();
    prov.path("label_counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    Map<String, String> hyper = new TreeMap<>();
    prov.path("hyperparameters").fields().forEachRemaining(e -> hyper.put(e.getKey(), e.getValue().asText()));
    Map<String, Double> metrics = new TreeMap<>();
    prov.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    return new Provenance(prov.path("library_version").asText("unknown"),
        prov.path("data_sha256").asText(""), prov.path("examples").asInt(0), counts, hyper, metrics);
  }

  /**
   * Refuses values a trained model never holds: not finite, or so large that a sum of them could
   * overflow to infinity and turn scores into NaN at classification time instead of load time.
   */
  private static void checkRange(String name, float[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!(Math.abs(values[i]) <= MAX_ABS_WEIGHT)) {
        throw new ModelFormatException(name + ": corrupted: " + what + " " + i + " is " + values[i]
            + ", outside +-" + MAX_ABS_WEIGHT);
      }
    }
  }


  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("manifest lacks '" + field + "'");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("manifest field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static String nullable(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static double number(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("manifest field '" + field + "' must be a number");
    }
    return v.asDouble();
  }
}
