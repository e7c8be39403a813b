package io.github.demarche.model;

import io.github.demarche.taxonomy.Taxonomy;
import java.util.HashSet;

/**
 * The "intended use" lines of a model card. The person who trains a model knows what it is for
 * ({@code train --intended-use TEXT}); without that, a model of the bundled diplomatic taxonomy
 * gets the text written for it, and any other label set a neutral text that asks for one instead
 * of claiming a purpose. Stateless and thread-safe.
 */
public final class IntendedUse {
  /** The purpose of models of the bundled diplomatic taxonomy. */
  static final String DIPLOMATIC = "- For: tracking which positions statements in English-language"
      + " diplomatic and political news take, at archive scale, with scores calibrated on held-out"
      + " folds (a score of 0.8 should be right about 80% of the time on data like the training"
      + " data).\n- Not for: decisions about individuals, or text unlike the training data (other"
      + " languages, social media, non-political text), where scores are not calibrated.\n";

  /** Said of any other label set when its trainer gave no purpose. */
  static final String NEUTRAL = "- For: classifying statements like those of the training data"
      + " into its labels. Its trainer did not state an intended use (`demarche train"
      + " --intended-use TEXT`); ask them before relying on it.\n- Not for: text unlike the training"
      + " data (other languages, genres or topics), where scores are not calibrated.\n";

  private IntendedUse() {}

  /**
   * The card's lines about what a model is for.
   *
   * @param taxonomy the model's labels
   * @param given the trainer's text ({@code --intended-use}), or null
   * @return Markdown list items, each ending with a line break
   */
  public static String of(Taxonomy taxonomy, String given) {
    if (given != null && !given.isBlank()) {
      return "- For: " + given.strip() + "\n";
    }
    boolean bundled = new HashSet<>(taxonomy.names())
        .equals(new HashSet<>(Taxonomy.diplomatic().names()));
    return bundled ? DIPLOMATIC : NEUTRAL;
  }

  /** True for a metric that counts things ({@code dev.n}), printed as an integer. */
  static boolean isCount(String metric) {
    return metric.equals("n") || metric.endsWith(".n");
  }
}
