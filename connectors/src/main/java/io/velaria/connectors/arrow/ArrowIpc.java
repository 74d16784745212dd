package io.velaria.connectors.arrow;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** An Arrow IPC file (random access format) or stream, with its own allocator. */
final class ArrowIpc implements AutoCloseable {
  static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  final Path file;
  private final BufferAllocator allocator;
  private final ArrowReader reader;
  private final boolean random;
  private int batches;

  private ArrowIpc(Path file, BufferAllocator allocator, ArrowReader reader, boolean random) {
    this.file = file;
    this.allocator = allocator;
    this.reader = reader;
    this.random = random;
  }

  static boolean hasFileMagic(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(6), MAGIC);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + file + ": " + e, e);
    }
  }

  static ArrowIpc open(Path file) {
    boolean random = hasFileMagic(file);
    BufferAllocator alloc = new RootAllocator(Long.MAX_VALUE);
    try {
      ArrowReader r;
      if (random) {
        r = new ArrowFileReader(FileChannel.open(file, StandardOpenOption.READ), alloc);
      } else {
        r = new ArrowStreamReader(Files.newInputStream(file), alloc);
      }
      ArrowIpc ipc = new ArrowIpc(file, alloc, r, random);
      ipc.schema(); // reads and checks the schema now
      return ipc;
    } catch (IOException | RuntimeException e) {
      alloc.close();
      if (e instanceof VelariaException) {
        throw (VelariaException) e;
      }
      if (e instanceof UnsupportedOperationException) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot read Arrow file " + file
            + ": this JVM hides java.nio from Arrow; start it with"
            + " --add-opens=java.base/java.nio=ALL-UNNAMED", e);
      }
      throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "file " + file + " is not a"
          + " readable Arrow IPC " + (random ? "file" : "stream") + ": " + e.getMessage(), e);
    }
  }

  Schema schema() {
    try {
      return reader.getVectorSchemaRoot().getSchema();
    } catch (IOException | RuntimeException e) {
      throw error(e);
    }
  }

  /** Row count from the file footer's blocks; -1 for streams. */
  long rowCountIfKnown() {
    if (!random) {
      return -1;
    }
    try {
      return ((ArrowFileReader) reader).getRecordBlocks().size() > 0 ? -1 : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Loads the next record batch; null at the end. */
  VectorSchemaRoot next() {
    try {
      if (!reader.loadNextBatch()) {
        return null;
      }
      batches++;
      return reader.getVectorSchemaRoot();
    } catch (IOException | RuntimeException e) {
      throw error(e);
    }
  }

  private VelariaException error(Exception e) {
    if (e instanceof UnsupportedOperationException && String.valueOf(e.getMessage())
        .contains("DirectByteBuffer")) {
      return new VelariaException(SqlStates.IO_ERROR, "cannot read Arrow file " + file
          + ": this JVM hides java.nio from Arrow; start it with"
          + " --add-opens=java.base/java.nio=ALL-UNNAMED", e);
    }
    return new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot read Arrow "
        + (random ? "file " : "stream ") + file + " at record batch " + batches + ": "
        + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException | RuntimeException ignored) {
      // read-only
    }
    allocator.close();
  }
}
