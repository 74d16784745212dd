package io.velaria.engine.stream;

import io.velaria.engine.column.Batch;
import io.velaria.engine.sql.calcite.SystemTable;
import java.util.List;

/**
 * A table in a stream query's private catalog whose rows are whatever the runtime put in last:
 * the current micro-batch, or the current state rows of the groups it touched. This is how a
 * micro-batch reaches the planner and operators as an ordinary table.
 */
final class BatchHolder implements SystemTable {
  private volatile List<Batch> rows = List.of();

  void set(List<Batch> batches) {
    rows = List.copyOf(batches);
  }

  @Override
  public List<Batch> rows() {
    return rows;
  }
}
