package io.github.demarche.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Writes a page to a file the safe way: never over one of the run's inputs, and atomically (a
 * temporary file in the same directory, moved into place), so a failed write leaves no half page
 * and an older page stays whole. Stateless and thread-safe.
 */
public final class PageFile {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private PageFile() {}

  /**
   * Refuses a target that is one of the run's inputs; call it before the work, so that the
   * mistake is caught before the run spends its time.
   *
   * @param target where the page is to go
   * @param inputs the files the run reads
   * @throws IOException when the file system cannot tell whether two paths are one file
   * @throws IllegalArgumentException when the target is one of the inputs
   */
  public static void checkNotAnInput(Path target, Collection<Path> inputs) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    for (Path in : inputs) {
      Path a = in.toAbsolutePath().normalize();
      if (a.equals(absolute) || (Files.exists(a) && Files.exists(absolute)
          && Files.isSameFile(a, absolute))) {
        throw new IllegalArgumentException(target + ": is an input of this run; the report would"
            + " overwrite it");
      }
    }
  }

  /**
   * Writes {@code page} as UTF-8 to {@code target}.
   *
   * @param target where the page goes; replaced if it exists
   * @param page the whole page
   * @param inputs the files the run read; the target must be none of them
   * @throws IllegalArgumentException when the target is one of the inputs
   * @throws IOException when the page cannot be written (the target is then unchanged)
   */
  public static void write(Path target, String page, Collection<Path> inputs) throws IOException {
    checkNotAnInput(target, inputs);
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    // createFile, unlike createTempFile, gives the page the usual permissions (umask), not 0600
    Path tmp = Files.createFile(dir.resolve("." + absolute.getFileName() + "."
        + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp"));
    try {
      Files.writeString(tmp, page, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
