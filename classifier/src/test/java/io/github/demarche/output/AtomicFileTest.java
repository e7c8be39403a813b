package io.github.demarche.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are replaced whole or not at all; an output is recognised as an input by any name. */
class AtomicFileTest {
  @TempDir Path dir;

  private long temporaryFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  @Test
  void aFailedWriteOfSeveralFilesLeavesEveryOldFileIntact() throws IOException {
    Path model = Files.writeString(dir.resolve("m.dmm"), "old model");
    Path blocker = Files.writeString(dir.resolve("file"), "a file, not a directory");
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(model, "new model".getBytes(StandardCharsets.UTF_8));
    files.put(blocker.resolve("card.md"), "new card".getBytes(StandardCharsets.UTF_8));
    assertThrows(IOException.class, () -> AtomicFile.writeAll(files));
    assertEquals("old model", Files.readString(model));
    assertEquals(0, temporaryFiles());
    AtomicFile.write(model, "new model".getBytes(StandardCharsets.UTF_8));
    assertEquals("new model", Files.readString(model));
    assertEquals(0, temporaryFiles());
  }

  @Test
  void aDirectoryIsNeverReplaced() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(empty, new byte[1]));
    assertTrue(e.getMessage().contains("Is a directory"), e.getMessage());
    assertTrue(Files.isDirectory(empty));
  }

  @Test
  void aStreamedReplacementLandsOnlyWhenCommitted() throws IOException {
    Path out = Files.writeString(dir.resolve("out.jsonl"), "old\n");
    try (AtomicFile.Replacement r = AtomicFile.replace(out)) {
      r.stream().write("half".getBytes(StandardCharsets.UTF_8));
      // the run fails here: no commit
    }
    assertEquals("old\n", Files.readString(out));
    assertEquals(0, temporaryFiles());
    try (AtomicFile.Replacement r = AtomicFile.replace(out)) {
      java.io.Writer w = new java.io.OutputStreamWriter(r.stream(), StandardCharsets.UTF_8);
      w.write("new\n");
      w.close(); // as a caller closes its writer before committing
      assertEquals("old\n", Files.readString(out));
      r.commit();
    }
    assertEquals("new\n", Files.readString(out));
    assertEquals(0, temporaryFiles());
  }

  @Test
  void anOutputIsTheSameFileAsAnInputByAnyName() throws IOException {
    Path data = Files.writeString(dir.resolve("d.jsonl"), "{}\n");
    Files.createDirectory(dir.resolve("sub"));
    assertTrue(OutputPaths.same(dir.resolve("sub/../d.jsonl"), data));
    assertTrue(OutputPaths.same(Files.createSymbolicLink(dir.resolve("link"), data), data));
    assertTrue(OutputPaths.same(Files.createLink(dir.resolve("hard"), data), data));
    assertFalse(OutputPaths.same(dir.resolve("other.jsonl"), data));
  }

  @Test
  void aLinkedFileIsReplacedThroughItsLinkAndLongNamesWork() throws IOException {
    Path real = Files.writeString(dir.resolve("v3.dmm"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("current.dmm"), real);
    AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
    Path longName = dir.resolve("m".repeat(250) + ".dmm");
    AtomicFile.write(longName, "x".getBytes(StandardCharsets.UTF_8));
    assertEquals("x", Files.readString(longName));
    assertEquals(0, temporaryFiles());
  }
}
