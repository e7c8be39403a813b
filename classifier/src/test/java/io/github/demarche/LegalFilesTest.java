package io.github.demarche;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the legal files that travel inside the demarche-classifier jar: the Apache License, the
 * NOTICE naming the data the jar ships, and the default model's CC BY-SA attribution beside it.
 * Checked in the build's class output, which is what the jar packs.
 */
class LegalFilesTest {

  private static final Path CLASSES =
      Path.of(System.getProperty("demarche.classes.dir", "target/classes"));

  @Test
  void jarCarriesTheApacheLicenseAndANoticeForItsData() throws IOException {
    String license = Files.readString(CLASSES.resolve("META-INF/LICENSE"));
    assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004")
        && license.contains("END OF TERMS AND CONDITIONS"), "META-INF/LICENSE is not Apache-2.0");
    String notice = Files.readString(CLASSES.resolve("META-INF/NOTICE"));
    for (String must : new String[] {"OpenNLP", "CC BY-SA 4.0", "default.dmm", "actors.tsv",
        "CAMEO", "Smile", "GNU General Public License v3"}) {
      assertTrue(notice.contains(must), "META-INF/NOTICE does not mention " + must);
    }
  }

  @Test
  void defaultModelHasItsAttributionBesideIt() throws IOException {
    Path dir = CLASSES.resolve("io/github/demarche/model");
    assertTrue(Files.exists(dir.resolve("default.dmm")));
    String attribution = Files.readString(dir.resolve("default.NOTICE"));
    assertTrue(attribution.contains("CC BY-SA 4.0")
        && attribution.contains("Diplomatic statements corpus"), attribution);
  }
}
