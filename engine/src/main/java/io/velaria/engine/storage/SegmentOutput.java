package io.velaria.engine.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Buffered little-endian writer for segment files that checksums everything it writes.
 * Primitive arrays go into the buffer through typed views in bulk, not value by value.
 */
final class SegmentOutput implements Closeable {
  private static final int BUFFER_SIZE = 1 << 16;

  private final FileChannel channel;
  private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32 crc = new CRC32();

  SegmentOutput(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  private void ensure(int bytes) throws IOException {
    if (buf.remaining() < bytes) {
      flush();
    }
  }

  private void flush() throws IOException {
    buf.flip();
    crc.update(buf.array(), 0, buf.limit());
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    buf.clear();
  }

  void putByte(int v) throws IOException {
    ensure(1);
    buf.put((byte) v);
  }

  void putShort(int v) throws IOException {
    ensure(2);
    buf.putShort((short) v);
  }

  void putInt(int v) throws IOException {
    ensure(4);
    buf.putInt(v);
  }

  void putBytes(byte[] src, int off, int len) throws IOException {
    if (len > BUFFER_SIZE) {
      // Large values bypass the buffer instead of being copied through it.
      flush();
      crc.update(src, off, len);
      ByteBuffer wrapped = ByteBuffer.wrap(src, off, len);
      while (wrapped.hasRemaining()) {
        channel.write(wrapped);
      }
      return;
    }
    ensure(len);
    buf.put(src, off, len);
  }

  void putInts(int[] src, int count) throws IOException {
    for (int i = 0; i < count; ) {
      ensure(4);
      int n = Math.min(count - i, buf.remaining() / 4);
      buf.asIntBuffer().put(src, i, n);
      buf.position(buf.position() + n * 4);
      i += n;
    }
  }

  void putLongs(long[] src, int count) throws IOException {
    for (int i = 0; i < count; ) {
      ensure(8);
      int n = Math.min(count - i, buf.remaining() / 8);
      buf.asLongBuffer().put(src, i, n);
      buf.position(buf.position() + n * 8);
      i += n;
    }
  }

  void putDoubles(double[] src, int count) throws IOException {
    for (int i = 0; i < count; ) {
      ensure(8);
      int n = Math.min(count - i, buf.remaining() / 8);
      buf.asDoubleBuffer().put(src, i, n);
      buf.position(buf.position() + n * 8);
      i += n;
    }
  }

  void putFloats(float[] src, int count) throws IOException {
    for (int i = 0; i < count; ) {
      ensure(4);
      int n = Math.min(count - i, buf.remaining() / 4);
      buf.asFloatBuffer().put(src, i, n);
      buf.position(buf.position() + n * 4);
      i += n;
    }
  }

  /** Writes the CRC32 trailer (not itself checksummed) and forces the file to disk. */
  void finish() throws IOException {
    flush();
    buf.putInt((int) crc.getValue());
    buf.flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    buf.clear();
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
