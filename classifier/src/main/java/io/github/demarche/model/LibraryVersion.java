package io.github.demarche.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Demarche build, as recorded in model files. Thread-safe. */
public final class LibraryVersion {
  private static final String VERSION = load();

  private LibraryVersion() {}

  /** The version, e.g. "0.1.0", or "unknown" when run from unpackaged classes without it. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    return versionIn("/io/github/demarche/model/version.properties");
  }

  /**
   * The {@code version} property of a properties resource on the class path (a Maven {@code
   * pom.properties} too), or "unknown" when it is missing.
   *
   * @param resource an absolute resource path
   */
  public static String versionIn(String resource) {
    try (InputStream in = LibraryVersion.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
