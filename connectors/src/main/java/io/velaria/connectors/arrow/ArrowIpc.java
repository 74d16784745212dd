package io.velaria.connectors.arrow;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
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
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      // Both forms are read as a stream through a HeapReadChannel (no JVM flags needed): an
      // IPC file is the stream format between its 8-byte magic and its footer.
      ReadableByteChannel body = random ? fileBody(ch, file) : ch;
      ArrowReader r = new ArrowStreamReader(
          new MessageChannelReader(new HeapReadChannel(body), alloc), alloc);
      ArrowIpc ipc = new ArrowIpc(file, alloc, r, random);
      ipc.schema(); // reads and checks the schema now
      return ipc;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      alloc.close();
      if (e instanceof VelariaException) {
        throw (VelariaException) e;
      }
      throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "file " + file + " is not a"
          + " readable Arrow IPC " + (random ? "file" : "stream") + ": " + e.getMessage(), e);
    }
  }

  /** The stream part of an IPC file: from byte 8 to the start of the footer. */
  private static ReadableByteChannel fileBody(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    if (size < 8 + 10) {
      throw new IOException("the file is too short for an Arrow IPC file (" + size + " bytes)");
    }
    ByteBuffer tail = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(tail, size - 10);
    int footerLength = tail.getInt(0);
    byte[] magic = Arrays.copyOfRange(tail.array(), 4, 10);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException("the file does not end with the ARROW1 magic (truncated?)");
    }
    long end = size - 10 - footerLength;
    if (footerLength < 0 || end < 8) {
      throw new IOException("footer length " + footerLength + " does not fit the file");
    }
    ch.position(8);
    return new ReadableByteChannel() {
      @Override
      public int read(ByteBuffer dst) throws IOException {
        long left = end - ch.position();
        if (left <= 0) {
          return -1;
        }
        if (dst.remaining() > left) {
          ByteBuffer part = dst.slice();
          part.limit((int) left);
          int n = ch.read(part);
          if (n > 0) {
            dst.position(dst.position() + n);
          }
          return n;
        }
        return ch.read(dst);
      }

      @Override
      public boolean isOpen() {
        return ch.isOpen();
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  Schema schema() {
    try {
      return reader.getVectorSchemaRoot().getSchema();
    } catch (IOException | RuntimeException e) {
      throw error(e);
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
