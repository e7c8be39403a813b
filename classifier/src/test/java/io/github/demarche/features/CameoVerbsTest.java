package io.github.demarche.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameoVerbsTest {
  private static final String SAMPLE = String.join("\n",
      "&HELP_", "+AID", "+ASSISTANCE", "",
      "####### VERB PATTERNS #######", "",
      "---  BLAME   [112]  ---",
      "ACCUSE [112]",
      "CONDEMN [111]",
      "CHARGE",
      "",
      "---  CALL   [041:041]  ---",
      "CALL",
      "- * (ON)                                              [020]         # CALL",
      "- * &HELP                                             [0233]        # CALL",
      "",
      "---  REFUSE   [---]  ---",
      "DENY {DENYING DENIED DENIES }",
      "REJECT",
      "");

  private static long[] features(CameoVerbs c, String text) {
    FeatureBuffer b = new FeatureBuffer();
    c.emit(text, b);
    long[] f = b.toArray();
    Arrays.sort(f);
    return f;
  }

  @Test
  void verbFormsGetTheCodeOfTheirEntryOrBlock() {
    CameoVerbs c = CameoVerbs.parse(SAMPLE);
    assertEquals(List.of("112"), c.codesOf("accused"));
    assertEquals(List.of("112"), c.codesOf("accuses"));
    assertEquals(List.of("111"), c.codesOf("condemning"));
    assertEquals(List.of("112"), c.codesOf("charged"));
    assertEquals(List.of("041"), c.codesOf("calls"));
    // irregular forms from braces; a block without a code gives none
    assertEquals(List.of(), c.codesOf("denied"));
    assertEquals(List.of(), c.codesOf("walked"));
  }

  @Test
  void synonymsAndBlocksGeneraliseAcrossVerbs() {
    CameoVerbs c = CameoVerbs.parse(SAMPLE);
    // "denied" and "rejected" share their block, so they share a feature though neither has a code
    assertTrue(features(c, "Moscow denied it.").length > 0);
    assertEquals(features(c, "Moscow denied it.").length, features(c, "Moscow rejected it.").length);
    long[] denied = features(c, "Moscow denied it.");
    long[] rejected = features(c, "Moscow rejected it.");
    assertTrue(Arrays.equals(denied, rejected), "same block, same features");
  }

  @Test
  void aPatternCodeNeedsItsNextWordWithinTheWindow() {
    CameoVerbs c = CameoVerbs.parse(SAMPLE);
    long[] callOn = features(c, "We call on NATO to step up patrols.");
    long[] call = features(c, "We call NATO at night.");
    assertTrue(callOn.length > call.length, "'call ... on' adds the appeal code 020");
    // a synonym set (&HELP) stands for each of its words
    assertTrue(features(c, "They called for urgent aid.").length > call.length);
  }

  @Test
  void bundledDictionaryIsTheReleasedOneAndCodesTheFieldsVerbs() throws Exception {
    CameoVerbs c = CameoVerbs.of(1);
    assertEquals(List.of("112"), c.codesOf("accused"));
    assertEquals(List.of("130"), c.codesOf("threatened"));
    assertEquals(List.of("020"), c.codesOf("appealed"));
    assertEquals(List.of("111"), c.codesOf("condemned"));
    // the copy in data/cameo-dictionaries is the one the jar carries, byte for byte
    byte[] copy = Files.readAllBytes(Path.of("../data/cameo-dictionaries/CAMEO.2.0.txt"));
    assertEquals(CameoVerbs.V1_SHA256, Hashing.sha256().hashBytes(copy).toString());
  }

  @Test
  void configurationsWithAndWithoutCameoDifferOnlyByTheCameoFeatures() {
    FeatureConfig d = FeatureConfig.defaults();
    FeatureConfig with = new FeatureConfig(d.wordNgrams(), d.charNgramMin(), d.charNgramMax(),
        d.cueLexicon(), d.stemLength(), d.targetConjunctions(), CameoVerbs.LATEST);
    FeatureConfig without = new FeatureConfig(d.wordNgrams(), d.charNgramMin(), d.charNgramMax(),
        d.cueLexicon(), d.stemLength(), d.targetConjunctions(), 0);
    String text = "Azerbaijan accused Armenia of shelling and threatened a response.";
    long[] a = new Featurizer(with).features(text, null);
    long[] b = new Featurizer(without).features(text, null);
    assertNotEquals(a.length, b.length);
    long[] cameo = features(CameoVerbs.of(CameoVerbs.LATEST), text);
    assertEquals(b.length + cameo.length, a.length);
  }

  @Test
  void versionTwoKeepsVerbalInteractionsAndDropsNarratedMaterialConflict() {
    CameoVerbs all = CameoVerbs.of(1);
    CameoVerbs verbal = CameoVerbs.of(2);
    // a fight (root 19) is coded by version 1 only, verbs and synonym block alike
    assertEquals(List.of("190"), all.codesOf("attacked"));
    assertEquals(List.of(), verbal.codesOf("attacked"));
    String fight = "Troops attacked the border post.";
    String without = "Troops the border post.";
    assertTrue(features(all, fight).length > features(all, without).length);
    assertTrue(Arrays.equals(features(verbal, without), features(verbal, fight)));
    // accusations, threats, appeals and denials (roots 01 to 14) keep every feature of version 1
    for (String text : List.of("Azerbaijan accused Armenia.", "Moscow threatened a response.",
        "We call on our partners for support.", "Caracas denied the report.")) {
      assertTrue(features(verbal, text).length > 0, text);
      assertTrue(Arrays.equals(features(all, text), features(verbal, text)), text);
    }
    // a verbal verb's patterns that give a material-conflict code lose that code only
    String sample = String.join("\n", "####### VERB PATTERNS #######", "",
        "---  WARN   [130]  ---", "WARN", "- * STRIKE                 [190]", "");
    long[] v1 = features(CameoVerbs.parse(sample), "They warned of a strike.");
    long[] v2 = features(CameoVerbs.parse(sample, 14), "They warned of a strike.");
    assertTrue(v2.length > 0 && v2.length < v1.length);
  }
}
