package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * SELECT DISTINCT: a {@link HashAggregateOperator} grouping by every column with no
 * aggregates. Rows come out in order of first appearance; NULLs are equal.
 */
public final class DistinctOperator implements Operator {
  private final HashAggregateOperator delegate;

  public DistinctOperator(Operator input, DataType[] types, ExecContext ctx) {
    int[] keys = new int[types.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i;
    }
    delegate = new HashAggregateOperator(input, types, keys, List.of(), ctx);
  }

  @Override
  public Batch next() {
    return delegate.next();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
