package io.github.demarche;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Pins what an application gets when it adds {@code demarche-classifier}: the jars of its runtime
 * class path (written by the build to {@code target/runtime-classpath.txt}) plus the module's own
 * classes and default model. Directories (this module's classes, and a reactor build's {@code
 * core/target/classes}) count with the size their files take deflated, as in a jar, plus a
 * generous allowance per entry for the jar's headers.
 */
class EmbedderClassPathTest {

  /** The promise of the README: an embedder's class path stays at or under 12 MB. */
  private static final long MAX_BYTES = 12L * 1000 * 1000;

  /** More than a jar's local header, central directory record and name take for one entry. */
  private static final long ENTRY_OVERHEAD = 200;

  /** Smile (GPL-3.0), the command line's libraries and the language-detection model. */
  private static final Pattern CLI_OR_GPL =
      Pattern.compile("smile-|picocli|progressbar|jline|slf4j-(nop|simple)|langdetect"
          + "|demarche-(training|cli)|/(training|cli)/target/");

  @Test
  void runtimeClassPathStaysUnderTwelveMegabytes() {
    List<Path> entries = entries();
    long total = size(Path.of(System.getProperty("demarche.classes.dir")));
    for (Path p : entries) {
      total += size(p);
    }
    assertTrue(total <= MAX_BYTES,
        "the class path of an application embedding demarche-classifier is " + total
            + " bytes (" + (entries.size() + 1) + " entries), over " + MAX_BYTES + ": " + entries);
  }

  @Test
  void runtimeClassPathHoldsNoGplOrCommandLineJar() {
    for (Path p : entries()) {
      String name = p.toString().replace(File.separatorChar, '/');
      assertFalse(CLI_OR_GPL.matcher(name).find(),
          "demarche-classifier must not bring " + name + " to applications");
    }
  }

  private static List<Path> entries() {
    String file = System.getProperty("demarche.runtime.classpath");
    assertTrue(file != null, "run through Maven: demarche.runtime.classpath is not set");
    try {
      String text = Files.readString(Path.of(file)).trim();
      List<Path> out = new ArrayList<>();
      for (String e : text.split(Pattern.quote(File.pathSeparator))) {
        if (!e.isBlank()) {
          out.add(Path.of(e));
        }
      }
      assertFalse(out.isEmpty(), file + " lists no class path entry");
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      if (Files.isRegularFile(p)) {
        return Files.size(p);
      }
      try (Stream<Path> files = Files.walk(p)) {
        return files.filter(Files::isRegularFile)
            .mapToLong(f -> deflatedSize(f) + ENTRY_OVERHEAD)
            .sum();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long deflatedSize(Path file) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(Files.readAllBytes(file));
      deflater.finish();
      byte[] buffer = new byte[64 * 1024];
      long n = 0;
      while (!deflater.finished()) {
        n += deflater.deflate(buffer);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
  }
}
