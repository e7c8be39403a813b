package io.github.demarche.model;

import static io.github.demarche.model.HostileModelFiles.GOOD;
import static io.github.demarche.model.HostileModelFiles.withManifest;
import static io.github.demarche.model.HostileModelFiles.withManifestText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A manifest that could be read two ways is refused, each fault with its own message. */
class ModelManifestStrictnessTest {
  private static String refusal(byte[] bytes) {
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes("h.dmm", bytes));
    assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    return e.getMessage();
  }

  private static void refused(byte[] bytes, String message) {
    String m = refusal(bytes);
    assertTrue(m.contains(message), m);
  }

  private static String outputLabel(ObjectNode m, int o) {
    return m.get("outputs").get(o).get("label").asText();
  }

  @Test
  void theGoodFileLoads() {
    assertEquals(HostileModelFiles.MODEL.outputs(), ModelFile.fromBytes("h.dmm", GOOD).outputs());
    assertEquals(Mode.MULTI_LABEL, HostileModelFiles.MODEL.mode());
  }

  @Test
  void outputsThatNameOneLabelTwiceAreRefused() {
    refused(withManifest(m -> ((ObjectNode) m.get("outputs").get(1)).put("label", outputLabel(m, 0))),
        "output '" + HostileModelFiles.MODEL.outputs().get(0) + "' appears twice");
  }

  @Test
  void aManifestThatRepeatsAKeyIsRefused() {
    refused(withManifestText(t -> t.replaceFirst("\\{", "{\"mode\":\"SINGLE_LABEL\",")),
        "corrupted: the manifest repeats a key (Duplicate field 'mode')");
    refused(withManifestText(t -> t.replace("\"label\":", "\"label\":\"x\",\"label\":")),
        "the manifest repeats a key (Duplicate field 'label')");
  }

  @Test
  void bytesAfterTheManifestObjectAreRefused() {
    for (String garbage : new String[] {"}", " {}", "xyz", " 1", "\u0000"}) {
      refused(withManifestText(t -> t + garbage), "the manifest has bytes after its JSON object");
    }
    // white space after it is no garbage
    assertEquals(HostileModelFiles.MODEL.outputs(),
        ModelFile.fromBytes("h.dmm", withManifestText(t -> t + " \n")).outputs());
  }

  @Test
  void aFormatVersionThatDisagreesWithTheHeaderIsRefused() {
    refused(withManifest(m -> m.put("format_version", 2)),
        "the manifest's format_version (2) disagrees with the header's format version 1");
    refused(withManifest(m -> m.put("format_version", "1")), "format_version (\"1\") disagrees");
    refused(withManifest(m -> m.remove("format_version")), "format_version (missing) disagrees");
  }

  @Test
  void aFeatureSettingThisVersionDoesNotKnowIsRefusedNotDropped() {
    refused(withManifest(m -> ((ObjectNode) m.get("features")).put("features.char_ngram_weighting", "idf")),
        "has the setting 'features.char_ngram_weighting', which this version of Demarche does not know");
    refused(withManifest(m -> ((ObjectNode) m.get("features")).putObject("features.word_ngrams")),
        "manifest setting 'features.word_ngrams' must be a string");
  }
}
