package io.velaria.connectors.arrow;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A custom stream sink that receives Arrow record batches; register it with
 * {@link ArrowStreams#registerSink} and use it as {@code CREATE SINK TABLE t (...) USING name}.
 * Micro-batch ids grow by one per committed micro-batch: after a crash the engine calls
 * {@link #recover} with the last committed id and then may deliver later ids again, so a sink
 * that drops ids it has already stored is exactly-once (say so with {@link #idempotent()}).
 */
public interface ArrowSinkFunction {
  /** Rows of micro-batch {@code commitId} (the sink table's columns); the root is closed after. */
  void write(long commitId, VectorSchemaRoot rows);

  /** The last committed micro-batch id (0: none) after a restart. */
  default void recover(long committedId) {}

  /** True when {@link #write} ignores ids it already stored (then delivery is exactly-once). */
  default boolean idempotent() {
    return false;
  }
}
