package io.github.demarche.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file cannot make the loader allocate much more than its own length. */
class ModelLoaderMemoryTest {
  private static final long SIZE = 48L << 20;

  @TempDir Path dir;

  /** What the current thread allocates while running {@code r}, in bytes. */
  private static long allocated(Runnable r) {
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    r.run();
    return bean.getThreadAllocatedBytes(id) - before;
  }

  @Test
  void aSparseFileWithAValidHeaderIsRefusedWithoutAllocatingItsSize() throws IOException {
    Path file = dir.resolve("sparse.dmm");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      ByteBuffer head = ByteBuffer.allocate(ModelFile.HEADER).order(ByteOrder.LITTLE_ENDIAN);
      head.put(ModelFile.MAGIC).putShort((short) ModelFile.FORMAT_VERSION).putShort((short) 0).putLong(SIZE);
      raf.write(head.array());
      raf.setLength(SIZE); // the rest reads as zeros and takes no disk
    }
    long used = allocated(() -> {
      ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    });
    // refused by the checksum, read as a stream, before anything is allocated for the contents;
    // it was about 3.3 times the size (a 300 MB file ran out of a 512 MB heap)
    assertTrue(used < SIZE / 8, "allocated " + used / (1 << 20) + " MiB for a "
        + SIZE / (1 << 20) + " MiB file");
  }

  @Test
  void aRealModelLoadsWithinTwiceItsSize() throws IOException {
    Path file = dir.resolve("m.dmm");
    ModelFile.write(io.github.demarche.Demarche.defaultModel(), file);
    long size = Files.size(file);
    // the file's bytes, then the model's arrays (as large as the bytes they come from)
    long used = allocated(() -> ModelFile.read(file));
    assertTrue(used < 2 * size + (8L << 20), "allocated " + used / (1 << 20) + " MiB for a "
        + size / (1 << 20) + " MiB file");
  }
}
