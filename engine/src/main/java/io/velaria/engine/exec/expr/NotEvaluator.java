package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;

/** NOT: flips TRUE and FALSE, keeps NULL. */
final class NotEvaluator implements Evaluator {
  private final Evaluator operand;

  NotEvaluator(Evaluator operand) {
    this.operand = operand;
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public Column evaluate(Batch input) {
    BooleanColumn c = (BooleanColumn) operand.evaluate(input);
    boolean[] v = c.values();
    boolean[] out = new boolean[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = !v[i];
    }
    return new BooleanColumn(DataType.BOOLEAN, c.size(), out, c.nulls());
  }
}
