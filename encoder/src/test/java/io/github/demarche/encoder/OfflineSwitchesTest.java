package io.github.demarche.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DJL reads its offline and no-tracking switches when its classes run; {@link Encoder} must have
 * set them by the time its class is initialised, before anything can create a tokenizer.
 */
class OfflineSwitchesTest {

  @Test
  void initialisingTheEncoderClassSetsDjlOfflineAndNoTrackingBeforeAnyDjlClassLoads()
      throws Exception {
    String offline = System.clearProperty("ai.djl.offline");
    String tracking = System.clearProperty("OPT_OUT_TRACKING");
    // a class loader of its own, so that the Encoder class is initialised afresh here whatever
    // other tests of this JVM did
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    try (Isolated loader = new Isolated(urls.toArray(new URL[0]))) {
      Class.forName(Encoder.class.getName(), true, loader);
      assertEquals("true", System.getProperty("ai.djl.offline"));
      assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
      assertFalse(loader.loadedDjl(), "a DJL class was loaded while the Encoder class initialised");
    } finally {
      restore("ai.djl.offline", offline);
      restore("OPT_OUT_TRACKING", tracking);
    }
  }

  @Test
  void aCacheDirectoryChosenForDemarcheBecomesDjlsCacheDirectory() {
    String before = System.clearProperty("DJL_CACHE_DIR");
    String chosen = System.getProperty(OfflineSwitches.CACHE_PROPERTY);
    try {
      System.setProperty(OfflineSwitches.CACHE_PROPERTY, "/tmp/demarche-encoder-cache");
      if (System.getenv("DJL_CACHE_DIR") == null) {
        assertEquals("/tmp/demarche-encoder-cache", OfflineSwitches.apply().get("DJL_CACHE_DIR"));
      }
    } finally {
      restore("DJL_CACHE_DIR", before);
      restore(OfflineSwitches.CACHE_PROPERTY, chosen);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  /** Loads classes itself (child first) and remembers whether a DJL class was asked for. */
  private static final class Isolated extends URLClassLoader {
    private volatile boolean djl;

    Isolated(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("ai.djl.") || name.startsWith("ai.onnxruntime.")) {
        djl = true;
      }
      return super.loadClass(name, resolve);
    }

    boolean loadedDjl() {
      return djl;
    }
  }
}
