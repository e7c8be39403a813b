package io.github.demarche.features;

import java.util.Properties;

/**
 * What features a model extracts from a statement. Saved whole in every model file, so a loaded
 * model rebuilds exactly the features it was trained on. Immutable and thread-safe.
 *
 * @param wordNgrams the longest word n-gram (1 = unigrams only, 2 = unigrams and bigrams, ...)
 * @param charNgramMin shortest character n-gram taken inside words, or 0 for none
 * @param charNgramMax longest character n-gram taken inside words, or 0 for none
 * @param cueLexicon version of the built-in cue lexicon (stance cue stems and negation) whose
 *     features are added, or 0 for none; a version's stems never change once released
 * @param stemLength when > 0, each word longer than this also yields a feature for its first
 *     {@code stemLength} characters (a crude stem joining "accused", "accuses", "accusation")
 * @param targetConjunctions whether, for inputs with a target, every feature is also emitted
 *     conjoined with the target (so one model learns per-target stance)
 * @param cameoVerbs version of the CAMEO verb-dictionary features ({@link CameoVerbs}: the
 *     event codes and synonym sets of the verbs and verb patterns of the statement; 1: every
 *     code, 2: the verbal interactions only, roots 01 to 14), or 0 for none; a version's features
 *     never change once released
 */
public record FeatureConfig(
    int wordNgrams, int charNgramMin, int charNgramMax, int cueLexicon, int stemLength,
    boolean targetConjunctions, int cameoVerbs) {

  public FeatureConfig {
    if (wordNgrams < 1 || wordNgrams > 4) {
      throw new IllegalArgumentException("wordNgrams must be in 1..4, was " + wordNgrams);
    }
    if (charNgramMin < 0 || charNgramMax < charNgramMin || charNgramMax > 8
        || (charNgramMin == 0) != (charNgramMax == 0)) {
      throw new IllegalArgumentException(
          "char n-gram range must be 0..0 (off) or within 1..8, was "
              + charNgramMin + ".." + charNgramMax);
    }
    if (stemLength < 0 || stemLength > 16) {
      throw new IllegalArgumentException("stemLength must be in 0..16, was " + stemLength);
    }
    if (cueLexicon < 0 || cueLexicon > CueLexicon.LATEST) {
      throw new IllegalArgumentException(
          "cueLexicon must be in 0.." + CueLexicon.LATEST + ", was " + cueLexicon);
    }
    if (cameoVerbs < 0 || cameoVerbs > CameoVerbs.LATEST) {
      throw new IllegalArgumentException(
          "cameoVerbs must be in 0.." + CameoVerbs.LATEST + ", was " + cameoVerbs);
    }
  }

  /** A configuration without the CAMEO verb features (as every model before they existed). */
  public FeatureConfig(
      int wordNgrams, int charNgramMin, int charNgramMax, int cueLexicon, int stemLength,
      boolean targetConjunctions) {
    this(wordNgrams, charNgramMin, charNgramMax, cueLexicon, stemLength, targetConjunctions, 0);
  }

  /**
   * The configuration of the default model. The CAMEO verb features are not in it: they gain
   * about 0.01 macro-F1 in cross-validation on the corpus statements but lose about 0.04 micro-F1
   * on the sentences of whole news documents with unseen sources (docs/quality.md).
   */
  public static FeatureConfig defaults() {
    return new FeatureConfig(2, 0, 0, CueLexicon.LATEST, 5, true, 0);
  }

  /**
   * The value a model file means when it lacks a key: the behaviour before that key existed. A
   * key added later must get an entry here, or older model files would load with the new default.
   */
  public static Properties legacyValues() {
    Properties p = new Properties();
    p.setProperty("features.stem_length", "0");
    p.setProperty("features.cameo_verbs", "0");
    return p;
  }

  /** This configuration as properties with the keys {@code features.*}. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("features.word_ngrams", Integer.toString(wordNgrams));
    p.setProperty("features.char_ngram_min", Integer.toString(charNgramMin));
    p.setProperty("features.char_ngram_max", Integer.toString(charNgramMax));
    p.setProperty("features.cue_lexicon", Integer.toString(cueLexicon));
    p.setProperty("features.stem_length", Integer.toString(stemLength));
    p.setProperty("features.target_conjunctions", Boolean.toString(targetConjunctions));
    p.setProperty("features.cameo_verbs", Integer.toString(cameoVerbs));
    return p;
  }

  /**
   * The configuration in {@code p}, with {@link #defaults()} for absent keys.
   *
   * @throws IllegalArgumentException naming the key whose value is not valid
   */
  public static FeatureConfig fromProperties(Properties p) {
    FeatureConfig d = defaults();
    return new FeatureConfig(
        Props.intValue(p, "features.word_ngrams", d.wordNgrams),
        Props.intValue(p, "features.char_ngram_min", d.charNgramMin),
        Props.intValue(p, "features.char_ngram_max", d.charNgramMax),
        Props.intValue(p, "features.cue_lexicon", d.cueLexicon),
        Props.intValue(p, "features.stem_length", d.stemLength),
        Props.boolValue(p, "features.target_conjunctions", d.targetConjunctions),
        Props.intValue(p, "features.cameo_verbs", d.cameoVerbs));
  }
}
