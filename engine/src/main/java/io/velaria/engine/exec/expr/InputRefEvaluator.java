package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;

/** A column of the input, passed through without copying. */
final class InputRefEvaluator implements Evaluator {
  private final int index;
  private final DataType type;

  InputRefEvaluator(int index, DataType type) {
    this.index = index;
    this.type = type;
  }

  int index() {
    return index;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    return input.column(index);
  }
}
