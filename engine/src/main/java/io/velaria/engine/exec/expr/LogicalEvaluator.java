package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.util.List;

/** AND / OR over any number of operands, with SQL's three-valued logic. */
final class LogicalEvaluator implements Evaluator {
  private final boolean and;
  private final List<Evaluator> operands;

  LogicalEvaluator(boolean and, List<Evaluator> operands) {
    this.and = and;
    this.operands = List.copyOf(operands);
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public Column evaluate(Batch input) {
    int n = input.rowCount();
    boolean[] value = new boolean[n];
    boolean[] unknown = null;
    java.util.Arrays.fill(value, and);
    for (Evaluator e : operands) {
      BooleanColumn c = (BooleanColumn) e.evaluate(input);
      boolean[] v = c.values();
      boolean[] nulls = c.nulls();
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) {
          if (value[i] == and) {
            if (unknown == null) {
              unknown = new boolean[n];
            }
            unknown[i] = true;
          }
        } else if (v[i] != and) {
          // FALSE decides an AND, TRUE decides an OR, whatever else is unknown
          value[i] = !and;
          if (unknown != null) {
            unknown[i] = false;
          }
        }
      }
    }
    if (unknown != null) {
      boolean any = false;
      for (int i = 0; i < n; i++) {
        if (unknown[i] && value[i] != and) {
          unknown[i] = false;
        }
        any |= unknown[i];
      }
      if (!any) {
        unknown = null;
      }
    }
    return new BooleanColumn(DataType.BOOLEAN, n, value, unknown);
  }
}
