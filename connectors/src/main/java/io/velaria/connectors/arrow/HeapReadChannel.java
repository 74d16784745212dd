package io.velaria.connectors.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.ipc.ReadChannel;

/**
 * A {@link ReadChannel} that fills Arrow buffers through a heap array. Arrow's own
 * {@code readFully(ArrowBuf, long)} wraps the buffer's memory in a {@code DirectByteBuffer},
 * which JDK 17 only allows with {@code --add-opens=java.base/java.nio=ALL-UNNAMED}; copying
 * through a heap array needs no flag (Arrow copies arrays into its memory with Unsafe), so
 * BI tools and plain {@code java -jar} runs can read Arrow files.
 */
final class HeapReadChannel extends ReadChannel {
  private static final int CHUNK = 1 << 16;
  private final byte[] chunk = new byte[CHUNK];

  HeapReadChannel(ReadableByteChannel in) {
    super(in);
  }

  @Override
  public long readFully(ArrowBuf buffer, long length) throws IOException {
    long done = 0;
    while (done < length) {
      int want = (int) Math.min(CHUNK, length - done);
      int got = readFully(ByteBuffer.wrap(chunk, 0, want));
      if (got <= 0) {
        break;
      }
      buffer.setBytes(buffer.writerIndex(), chunk, 0, got);
      buffer.writerIndex(buffer.writerIndex() + got);
      done += got;
      if (got < want) {
        break;
      }
    }
    return done;
  }
}
