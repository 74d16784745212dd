package io.velaria.engine.sql;

import io.velaria.engine.column.Batch;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.StatementResult;
import java.util.Iterator;
import java.util.List;

/** A result computed up front (EXPLAIN text, metadata-like statements). */
final class StaticResult implements StatementResult {
  private final List<ResultColumn> columns;
  private final Iterator<Batch> batches;

  StaticResult(List<ResultColumn> columns, List<Batch> batches) {
    this.columns = List.copyOf(columns);
    this.batches = batches.iterator();
  }

  @Override
  public boolean hasRows() {
    return true;
  }

  @Override
  public List<ResultColumn> columns() {
    return columns;
  }

  @Override
  public Batch nextBatch() {
    return batches.hasNext() ? batches.next() : null;
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public void close() {}
}
