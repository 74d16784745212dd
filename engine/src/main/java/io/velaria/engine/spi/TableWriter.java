package io.velaria.engine.spi;

import io.velaria.engine.column.Batch;

/** Appends batches to a table; nothing is visible to readers before {@link #commit()}. */
public interface TableWriter extends AutoCloseable {
  void write(Batch batch);

  void commit();

  /** Discards everything written since the last commit. */
  void abort();

  @Override
  default void close() {
    abort();
  }
}
