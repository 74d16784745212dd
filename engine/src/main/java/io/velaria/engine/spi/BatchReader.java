package io.velaria.engine.spi;

import io.velaria.engine.column.Batch;

/**
 * Produces batches one at a time; {@link #next()} returns null at the end. Errors are
 * {@link io.velaria.engine.error.VelariaException}s that name file and position.
 */
public interface BatchReader extends AutoCloseable {
  Batch next();

  @Override
  void close();
}
