package io.github.demarche.api;

import java.util.Optional;

/**
 * One piece of text to classify, with an optional stance target (as in SemEval-style stance
 * data: "what is the stance of this text towards X"). Immutable and thread-safe.
 *
 * @param text the statement
 * @param target the stance target, or null when the model is target-free
 */
public record StanceInput(String text, String target) {
  /** Checks that the text is not blank and the target, when given, is not blank either. */
  public StanceInput {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    if (Texts.isBlank(text)) {
      throw new IllegalArgumentException("text must not be blank");
    }
    if (target != null && Texts.isBlank(target)) {
      throw new IllegalArgumentException("target must be null or non-blank");
    }
  }

  /** Input without a target. */
  public static StanceInput of(String text) {
    return new StanceInput(text, null);
  }

  /** The stance target, if any. */
  public Optional<String> targetIfAny() {
    return Optional.ofNullable(target);
  }
}
