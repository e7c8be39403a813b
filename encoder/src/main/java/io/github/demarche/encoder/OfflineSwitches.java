package io.github.demarche.encoder;

import java.util.Map;
import java.util.TreeMap;

/**
 * The system properties that keep the encoder's libraries off the network and tell them where to
 * unpack their native code. DJL, whose Hugging Face tokenizer the encoder uses, otherwise probes a
 * cloud metadata address and sends a usage report when a tokenizer is created, and would download
 * a missing native library; it reads these switches when its classes run, so {@link Encoder} sets
 * them in its static initialiser, before any DJL or ONNX Runtime class is touched. Stateless and
 * thread-safe.
 *
 * <p>Where native code goes: DJL unpacks its tokenizer library (about 14 MB) under {@code
 * DJL_CACHE_DIR} (default {@code ~/.djl.ai}, or the temporary directory when the home directory is
 * not writable) and keeps it there; set the system property {@value #CACHE_PROPERTY} (or the
 * environment variable {@value #CACHE_ENV}) to put it under a directory of your choice instead.
 * ONNX Runtime unpacks its library (about 17 MB) into a fresh {@code onnxruntime-java*} directory of
 * {@code java.io.tmpdir} and deletes it when the JVM exits.
 */
final class OfflineSwitches {
  /** The system property naming the directory where DJL unpacks its native tokenizer library. */
  static final String CACHE_PROPERTY = "demarche.encoder.cache";
  /** The environment variable read when {@value #CACHE_PROPERTY} is not set. */
  static final String CACHE_ENV = "DEMARCHE_ENCODER_CACHE";

  private OfflineSwitches() {}

  /**
   * Sets DJL's offline and no-tracking switches, and its cache directory when one was chosen with
   * {@value #CACHE_PROPERTY} or {@value #CACHE_ENV} (an explicit {@code DJL_CACHE_DIR} wins).
   *
   * @return the switches as set, for the record
   */
  static synchronized Map<String, String> apply() {
    // offline: no download of native libraries or model files, and no usage report
    System.setProperty("ai.djl.offline", "true");
    // read by DJL as an environment variable or a system property
    System.setProperty("OPT_OUT_TRACKING", "true");
    String cache = System.getProperty(CACHE_PROPERTY);
    if (cache == null || cache.isBlank()) {
      cache = System.getenv(CACHE_ENV);
    }
    if (cache != null && !cache.isBlank() && System.getenv("DJL_CACHE_DIR") == null
        && System.getProperty("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", cache);
    }
    Map<String, String> set = new TreeMap<>();
    for (String key : new String[] {"ai.djl.offline", "OPT_OUT_TRACKING", "DJL_CACHE_DIR"}) {
      String v = System.getProperty(key);
      if (v != null) {
        set.put(key, v);
      }
    }
    return set;
  }
}
