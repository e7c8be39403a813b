package io.github.demarche.stack;

import io.github.demarche.encoder.Encoder;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings of the sentence-encoder family's stack (keys {@code stack.*}, given with {@code
 * train --set} or {@code --config} beside the lexical model's {@code features.*} and {@code
 * train.*}). Immutable and thread-safe.
 *
 * @param encoder the sentence encoder's name ({@link Encoder.Weights#id()}), or several joined by
 *     {@code +}, whose vectors are read side by side ({@link Encoder#named})
 * @param lambda the L2 penalty of each label's logistic fit, on standardised inputs
 * @param folds the grouped folds that give the lexical model's out-of-fold scores and the stack's
 *     out-of-fold thresholds
 * @param lexicalInputs whether the lexical model's scores are inputs (false: the encoder's vector
 *     alone, for comparison)
 * @param lexicalScale how much larger the standardised lexical scores are made than the 384
 *     standardised vector values, so that the penalty, which must be strong on the many vector
 *     weights, falls less on the few lexical ones (their penalty is divided by its square)
 */
public record StackConfig(String encoder, double lambda, int folds, boolean lexicalInputs,
    double lexicalScale) {
  /** Checks every setting. */
  public StackConfig {
    Encoder.weightsOf(encoder);
    if (!(lambda > 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("stack.lambda must be a positive number, was " + lambda);
    }
    if (folds < 2) {
      throw new IllegalArgumentException("stack.folds must be at least 2, was " + folds);
    }
    if (!(lexicalScale > 0) || !Double.isFinite(lexicalScale)) {
      throw new IllegalArgumentException("stack.lexical_scale must be a positive number, was "
          + lexicalScale);
    }
  }

  /**
   * The encoders the family reads by default: all-MiniLM-L6-v2 and E5-small-v2, both quantised,
   * side by side (better than either alone by grouped cross-validation and on held-out documents:
   * docs/encoder.md).
   */
  public static final String DEFAULT_ENCODER = "all-minilm-l6-v2-q+e5-small-v2-q";

  /**
   * The settings measured best by grouped cross-validation on the bundled corpus, two fold seeds
   * (docs/encoder.md): the two encoders of {@link #DEFAULT_ENCODER}, a strong penalty (300) on
   * standardised inputs, the lexical scores scaled by 3.
   */
  public static StackConfig defaults() {
    return new StackConfig(DEFAULT_ENCODER, 300.0, 5, true, 3.0);
  }

  /** These settings with or without the lexical scores as inputs. */
  public StackConfig withLexicalInputs(boolean lexical) {
    return new StackConfig(encoder, lambda, folds, lexical, lexicalScale);
  }

  /** These settings with another penalty. */
  public StackConfig withLambda(double l) {
    return new StackConfig(encoder, l, folds, lexicalInputs, lexicalScale);
  }

  /** Whether a settings key belongs to the stack. */
  public static boolean isStackKey(String key) {
    return key.startsWith("stack.");
  }

  /** The settings as key/value strings, for the model's provenance. */
  public Map<String, String> toMap() {
    Map<String, String> m = new TreeMap<>();
    m.put("stack.encoder", encoder);
    m.put("stack.lambda", Double.toString(lambda));
    m.put("stack.folds", Integer.toString(folds));
    m.put("stack.lexical", Boolean.toString(lexicalInputs));
    m.put("stack.lexical_scale", Double.toString(lexicalScale));
    return m;
  }

  /**
   * The settings of these properties' {@code stack.*} keys, the defaults for keys not given.
   *
   * @throws IllegalArgumentException for an unknown {@code stack.*} key or a bad value
   */
  public static StackConfig fromProperties(Properties p) {
    StackConfig d = defaults();
    for (String key : p.stringPropertyNames()) {
      if (isStackKey(key) && !d.toMap().containsKey(key)) {
        throw new IllegalArgumentException("unknown setting '" + key + "'; stack settings are "
            + d.toMap().keySet());
      }
    }
    try {
      String lexical = p.getProperty("stack.lexical", "true").trim();
      if (!lexical.equals("true") && !lexical.equals("false")) {
        throw new IllegalArgumentException("stack.lexical must be true or false, was '" + lexical + "'");
      }
      return new StackConfig(p.getProperty("stack.encoder", d.encoder()).trim(),
          Double.parseDouble(p.getProperty("stack.lambda", Double.toString(d.lambda())).trim()),
          Integer.parseInt(p.getProperty("stack.folds", Integer.toString(d.folds())).trim()),
          Boolean.parseBoolean(lexical), Double.parseDouble(p.getProperty("stack.lexical_scale",
              Double.toString(d.lexicalScale())).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a stack setting is not a number: " + e.getMessage());
    }
  }
}
