package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;

/** IS [NOT] NULL, IS [NOT] TRUE, IS [NOT] FALSE: never NULL themselves. */
final class NullTestEvaluator implements Evaluator {
  enum Test { IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE }

  private final Test test;
  private final Evaluator operand;

  NullTestEvaluator(Test test, Evaluator operand) {
    this.test = test;
    this.operand = operand;
    ArithmeticEvaluator.readWide(operand);  // only its nulls are read
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public Column evaluate(Batch input) {
    Column c = operand.evaluate(input);
    int n = c.size();
    boolean[] out = new boolean[n];
    boolean[] v = c instanceof BooleanColumn ? ((BooleanColumn) c).values() : null;
    for (int i = 0; i < n; i++) {
      boolean isNull = c.isNull(i);
      switch (test) {
        case IS_NULL: out[i] = isNull; break;
        case IS_NOT_NULL: out[i] = !isNull; break;
        case IS_TRUE: out[i] = !isNull && v[i]; break;
        case IS_NOT_TRUE: out[i] = isNull || !v[i]; break;
        case IS_FALSE: out[i] = !isNull && !v[i]; break;
        default: out[i] = isNull || v[i]; break;
      }
    }
    return new BooleanColumn(DataType.BOOLEAN, n, out, null);
  }
}
