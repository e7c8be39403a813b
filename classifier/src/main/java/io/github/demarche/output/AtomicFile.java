package io.github.demarche.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces files so that a reader sees either the old contents or the new, never a part: the new
 * bytes go to a temporary file in the same directory, are forced to the disk, and the temporary
 * file is then moved over the target with {@code ATOMIC_MOVE}. When anything fails (a full disk,
 * a read-only directory) the temporary file is removed, the old file is left as it was and the
 * {@link IOException} reaches the caller. Stateless and thread-safe; two writers of one path
 * concurrently each replace it whole, the last move wins.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Replaces (or creates) {@code target} with {@code bytes}, creating missing directories. */
  public static void write(Path target, byte[] bytes) throws IOException {
    writeAll(Map.of(target, bytes));
  }

  /**
   * Replaces several files together: every file is written to its temporary file first, and only
   * when all were written are they moved into place, in the map's order. A write error therefore
   * leaves every target as it was.
   */
  public static void writeAll(Map<Path, byte[]> files) throws IOException {
    Map<Path, Path> written = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, byte[]> e : files.entrySet()) {
        Path target = resolve(e.getKey());
        if (Files.isDirectory(target)) {
          // a move would replace an empty directory: refuse as writing to it would
          throw new FileSystemException(target.toString(), null, "Is a directory");
        }
        Files.createDirectories(target.getParent());
        written.put(target, temporaryCopy(target, e.getValue()));
      }
      List<Path> moved = new ArrayList<>();
      for (Map.Entry<Path, Path> e : written.entrySet()) {
        move(e.getValue(), e.getKey());
        moved.add(e.getKey());
      }
      written.keySet().removeAll(moved);
    } finally {
      for (Path tmp : written.values()) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Starts replacing {@code target} with output written as a stream, for output too large to
   * hold: write to {@link Replacement#stream()}, then {@link Replacement#commit()}; closing
   * without committing removes what was written and leaves {@code target} as it was.
   */
  public static Replacement replace(Path target) throws IOException {
    Path absolute = resolve(target);
    if (Files.isDirectory(absolute)) {
      throw new FileSystemException(absolute.toString(), null, "Is a directory");
    }
    Files.createDirectories(absolute.getParent());
    return new Replacement(absolute, temporaryCopy(absolute, new byte[0]));
  }

  /**
   * A replacement in progress: a temporary file next to the target. Not thread-safe.
   */
  public static final class Replacement implements java.io.Closeable {
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private Replacement(Path target, Path tmp) throws IOException {
      this.target = target;
      this.tmp = tmp;
      this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
      // closing the writer on top must not close the channel: commit forces it to the disk first
      this.stream = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }

    /**
     * Where the new contents go; unbuffered, so wrap it in a buffered writer. Closing it does not
     * end the replacement: {@link #commit()} or {@link #close()} does.
     */
    public OutputStream stream() {
      return stream;
    }

    /** Forces the written bytes to the disk and moves them over the target. */
    public void commit() throws IOException {
      channel.force(true);
      channel.close();
      move(tmp, target);
      committed = true;
    }

    /** Removes the temporary file unless committed; the target is then as it was. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        channel.close();
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * The file to replace: a symbolic link is followed, so the file it names is replaced (as writing
   * through the link did) and the link stays a link.
   */
  private static Path resolve(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    return Files.isSymbolicLink(absolute) && Files.exists(absolute) ? absolute.toRealPath() : absolute;
  }

  /** Writes {@code bytes} to a new file next to {@code target} and forces it to the disk. */
  private static Path temporaryCopy(Path target, byte[] bytes) throws IOException {
    for (int attempt = 0; ; attempt++) {
      // a name of our own, created new: the file gets the usual permissions (umask), unlike
      // Files.createTempFile's owner-only ones, so the moved file reads like any other
      String name = target.getFileName().toString();
      // kept short: a name near the file system's limit must not fail only for its temporary file
      Path tmp = target.resolveSibling("." + name.substring(0, Math.min(name.length(), 64)) + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
      FileChannel channel;
      try {
        channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 10) {
          continue;
        }
        throw e;
      }
      try (channel; OutputStream out = Channels.newOutputStream(channel)) {
        out.write(bytes);
        channel.force(true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      return tmp;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // same directory, so this only happens on file systems without atomic rename
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
