package io.github.demarche.report;

import io.github.demarche.output.AtomicFile;
import io.github.demarche.output.OutputPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Writes a page to a file the safe way: never over one of the run's inputs, and atomically (a
 * temporary file in the same directory, moved into place), so a failed write leaves no half page
 * and an older page stays whole. Stateless and thread-safe.
 */
public final class PageFile {
  private PageFile() {}

  /**
   * Refuses a target that is one of the run's inputs; call it before the work, so that the
   * mistake is caught before the run spends its time.
   *
   * @param target where the page is to go
   * @param inputs the files the run reads
   * @throws IllegalArgumentException when the target is one of the inputs
   */
  public static void checkNotAnInput(Path target, Collection<Path> inputs) {
    for (Path in : inputs) {
      if (OutputPaths.same(target, in)) {
        throw new IllegalArgumentException(target + ": is an input of this run; the report would"
            + " overwrite it");
      }
    }
  }

  /**
   * Writes {@code page} as UTF-8 to {@code target}, through {@link AtomicFile}.
   *
   * @param target where the page goes; replaced if it exists
   * @param page the whole page
   * @param inputs the files the run read; the target must be none of them
   * @throws IllegalArgumentException when the target is one of the inputs
   * @throws IOException when the page cannot be written (the target is then unchanged)
   */
  public static void write(Path target, String page, Collection<Path> inputs) throws IOException {
    checkNotAnInput(target, inputs);
    AtomicFile.write(target, page.getBytes(StandardCharsets.UTF_8));
  }
}
