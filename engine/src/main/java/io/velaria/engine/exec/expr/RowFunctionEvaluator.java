package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * Runs a per-row function over a batch: evaluates every argument column once, then calls the
 * function for each row. With {@code strict} a NULL argument gives NULL without a call.
 * Interim home of builtins until they move to the functions module's vectorized adapter.
 */
final class RowFunctionEvaluator implements Evaluator {
  interface RowFunction {
    Object apply(Object[] args);
  }

  private final String name;
  private final List<Evaluator> args;
  private final RowFunction function;
  private final boolean strict;
  private final DataType type;

  RowFunctionEvaluator(String name, List<Evaluator> args, RowFunction function, boolean strict,
      DataType type) {
    this.name = name;
    this.args = List.copyOf(args);
    this.function = function;
    this.strict = strict;
    this.type = type;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    int n = input.rowCount();
    Column[] cols = new Column[args.size()];
    for (int a = 0; a < cols.length; a++) {
      cols[a] = args.get(a).evaluate(input);
    }
    ColumnBuilder out = new ColumnBuilder(type, n);
    Object[] values = new Object[cols.length];
    for (int i = 0; i < n; i++) {
      boolean anyNull = false;
      for (int a = 0; a < cols.length; a++) {
        values[a] = cols[a].getObject(i);
        anyNull |= values[a] == null;
      }
      if (strict && anyNull) {
        out.appendNull();
      } else {
        out.appendObject(function.apply(values));
      }
    }
    return out.build();
  }

  @Override
  public String toString() {
    return name + args;
  }
}
