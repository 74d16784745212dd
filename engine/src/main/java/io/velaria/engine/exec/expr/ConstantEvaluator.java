package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.Columns;
import io.velaria.engine.type.DataType;

/** A literal or parameter: the same value for every row. Keeps the last column it made. */
final class ConstantEvaluator implements Evaluator {
  private final DataType type;
  private final Object value;
  private Column cached;

  ConstantEvaluator(DataType type, Object value) {
    this.type = type;
    this.value = value;
  }

  /** The value in the internal representation, or null. */
  Object value() {
    return value;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    int n = input.rowCount();
    Column c = cached;
    if (c == null || c.size() != n) {
      c = Columns.constant(type, value, n);
      cached = c;
    }
    return c;
  }
}
