package io.velaria.connectors.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A custom stream source that pushes Arrow record batches; register it with
 * {@link ArrowStreams#registerSource} and use it as {@code CREATE SOURCE TABLE t (...) USING
 * name}. The engine holds the offset: {@link #poll} gets the offset of the last committed
 * micro-batch (null at the start) and must be able to return the same data again for it, which
 * is what makes the stream exactly-once.
 */
public interface ArrowSourceFunction {
  /**
   * The rows after {@code offset}, or null when nothing new is there (do not wait long). The
   * engine copies the vectors (matched to the table's columns by name, ignoring case) and then
   * closes the root.
   */
  Result poll(String offset, BufferAllocator allocator);

  /** Rows and the offset after them. */
  record Result(VectorSchemaRoot rows, String nextOffset) {}
}
