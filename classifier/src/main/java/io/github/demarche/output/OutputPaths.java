package io.github.demarche.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether an output path names the same file as an input, so a command can refuse to
 * overwrite its own input: through symbolic and hard links when both exist, by their normalised
 * absolute paths otherwise. Stateless and thread-safe.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** Whether writing {@code output} would replace {@code input}. */
  public static boolean same(Path output, Path input) {
    if (Files.exists(output) && Files.exists(input)) {
      try {
        return Files.isSameFile(output, input);
      } catch (IOException e) {
        // fall back to the names
      }
    }
    return output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
  }
}
