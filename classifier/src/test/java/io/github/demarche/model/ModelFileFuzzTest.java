package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the model loader (Jazzer). A normal build replays the inputs stored
 * under {@code src/test/resources/io/github/demarche/model/ModelFileFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1} fuzzes one target for its maximum duration. The property: any bytes either load
 * as a model whose saved bytes load and save back unchanged, or are refused with a {@link ModelFormatException}
 * naming the source in one line; nothing else is thrown, and nothing hangs or runs out of memory.
 */
class ModelFileFuzzTest {
  private static void loadsOrRefuses(byte[] bytes) {
    StanceModel m;
    try {
      m = ModelFile.fromBytes("fuzz.dmm", bytes);
    } catch (ModelFormatException e) {
      assertTrue(e.getMessage().startsWith("fuzz.dmm: ") && e.getMessage().indexOf('\n') < 0, e.getMessage());
      return;
    }
    // a manifest may lack keys added after it was written (they load with their legacy values),
    // so saving once may add them; from then on a save and a load must be exact inverses
    byte[] saved = ModelFile.toBytes(m);
    assertArrayEquals(saved, ModelFile.toBytes(ModelFile.fromBytes("saved", saved)),
        "a saved model must load and save back to the same bytes");
  }

  /** Raw bytes: almost everything stops at the magic, length or checksum. */
  @FuzzTest(maxDuration = "3m")
  void rawBytes(byte[] bytes) {
    loadsOrRefuses(bytes);
  }

  /**
   * Bytes resealed (header length and SHA-256 made consistent) before loading, so mutations reach
   * the manifest and the size checks behind the checksum.
   */
  @FuzzTest(maxDuration = "3m")
  void resealedBytes(byte[] bytes) {
    byte[] sealed = HostileModelFiles.reseal(bytes);
    try {
      StanceModel m = ModelFile.fromBytes("fuzz.dmm", sealed);
      // a manifest may be re-serialised differently (key order, spacing), so compare by reloading
      assertArrayEquals(ModelFile.toBytes(m), ModelFile.toBytes(ModelFile.fromBytes("again", ModelFile.toBytes(m))));
    } catch (ModelFormatException e) {
      assertTrue(e.getMessage().startsWith("fuzz.dmm: ") && e.getMessage().indexOf('\n') < 0, e.getMessage());
    }
  }
}
