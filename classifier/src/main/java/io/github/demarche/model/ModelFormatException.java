package io.github.demarche.model;

/**
 * A model file that cannot be loaded: not a Demarche model, truncated, corrupted, written by a
 * newer version, or inconsistent. The message says which and names the file. Immutable.
 */
public final class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }
}
