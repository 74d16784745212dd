package io.velaria.engine.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Buffered little-endian reader over the payload of a segment file (everything before the
 * CRC trailer). Reading past the payload throws {@link Truncated}.
 */
final class SegmentInput implements Closeable {
  private static final int BUFFER_SIZE = 1 << 16;

  /** The payload ended before the structure it describes did. */
  static final class Truncated extends Exception {
    Truncated(String what) {
      super("unexpected end of data while reading " + what, null, false, false);
    }
  }

  private final FileChannel channel;
  private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  /** Payload bytes not yet pulled into the buffer. */
  private long unread;

  SegmentInput(Path file, long payloadLength) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    unread = payloadLength;
    buf.limit(0);
  }

  /** Payload bytes not consumed yet. */
  long remaining() {
    return unread + buf.remaining();
  }

  /** Makes at least {@code bytes} (at most the buffer size) available in the buffer. */
  private void need(int bytes, String what) throws IOException, Truncated {
    if (buf.remaining() >= bytes) {
      return;
    }
    buf.compact();
    while (buf.position() < bytes && unread > 0) {
      int want = (int) Math.min(buf.remaining(), unread);
      ByteBuffer slice = buf.slice();
      slice.limit(want);
      int n = channel.read(slice);
      if (n < 0) {
        break;
      }
      buf.position(buf.position() + n);
      unread -= n;
    }
    buf.flip();
    if (buf.remaining() < bytes) {
      throw new Truncated(what);
    }
  }

  int getByte(String what) throws IOException, Truncated {
    need(1, what);
    return buf.get() & 0xff;
  }

  int getShort(String what) throws IOException, Truncated {
    need(2, what);
    return buf.getShort() & 0xffff;
  }

  int getInt(String what) throws IOException, Truncated {
    need(4, what);
    return buf.getInt();
  }

  void getBytes(byte[] dst, int off, int len, String what) throws IOException, Truncated {
    int fromBuffer = Math.min(len, buf.remaining());
    buf.get(dst, off, fromBuffer);
    off += fromBuffer;
    len -= fromBuffer;
    if (len == 0) {
      return;
    }
    if (len > unread) {
      throw new Truncated(what);
    }
    // The buffer is empty: read the rest straight into the destination.
    ByteBuffer direct = ByteBuffer.wrap(dst, off, len);
    while (direct.hasRemaining()) {
      if (channel.read(direct) < 0) {
        throw new Truncated(what);
      }
    }
    unread -= len;
  }

  void getInts(int[] dst, int count, String what) throws IOException, Truncated {
    for (int i = 0; i < count; ) {
      need(4, what);
      int n = Math.min(count - i, buf.remaining() / 4);
      buf.asIntBuffer().get(dst, i, n);
      buf.position(buf.position() + n * 4);
      i += n;
    }
  }

  void getLongs(long[] dst, int count, String what) throws IOException, Truncated {
    for (int i = 0; i < count; ) {
      need(8, what);
      int n = Math.min(count - i, buf.remaining() / 8);
      buf.asLongBuffer().get(dst, i, n);
      buf.position(buf.position() + n * 8);
      i += n;
    }
  }

  void getDoubles(double[] dst, int count, String what) throws IOException, Truncated {
    for (int i = 0; i < count; ) {
      need(8, what);
      int n = Math.min(count - i, buf.remaining() / 8);
      buf.asDoubleBuffer().get(dst, i, n);
      buf.position(buf.position() + n * 8);
      i += n;
    }
  }

  void getFloats(float[] dst, int count, String what) throws IOException, Truncated {
    for (int i = 0; i < count; ) {
      need(4, what);
      int n = Math.min(count - i, buf.remaining() / 4);
      buf.asFloatBuffer().get(dst, i, n);
      buf.position(buf.position() + n * 4);
      i += n;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
