package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;

/**
 * A physical operator: pulls batches from its inputs and returns its own, one at a time.
 * {@link #next()} returns null when there are no more rows; a returned batch may be empty.
 * {@link #close()} frees state and closes inputs, and may be called before the end.
 */
public interface Operator extends AutoCloseable {
  Batch next();

  @Override
  void close();
}
