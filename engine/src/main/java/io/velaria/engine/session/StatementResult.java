package io.velaria.engine.session;

import io.velaria.engine.column.Batch;
import java.util.List;

/**
 * What a statement produced: either rows, read batch by batch, or an update count. Closing it
 * stops the query and frees its memory.
 */
public interface StatementResult extends AutoCloseable {
  /** True if the statement returns rows. */
  boolean hasRows();

  /** The result's columns; empty when {@link #hasRows()} is false. */
  List<ResultColumn> columns();

  /** The next batch of rows, or null at the end. */
  Batch nextBatch();

  /** Rows changed by an INSERT/UPDATE/DELETE, 0 for DDL, -1 when the statement returns rows. */
  long updateCount();

  @Override
  void close();

  static StatementResult updateCount(long count) {
    return new StatementResult() {
      @Override
      public boolean hasRows() {
        return false;
      }

      @Override
      public List<ResultColumn> columns() {
        return List.of();
      }

      @Override
      public Batch nextBatch() {
        return null;
      }

      @Override
      public long updateCount() {
        return count;
      }

      @Override
      public void close() {}
    };
  }
}
