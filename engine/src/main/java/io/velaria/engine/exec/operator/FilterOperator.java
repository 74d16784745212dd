package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;

/** Keeps the rows whose condition is TRUE; skips batches that end up empty. */
public final class FilterOperator implements Operator {
  private final Operator input;
  private final Evaluator condition;
  private final ExecContext ctx;

  public FilterOperator(Operator input, Evaluator condition, ExecContext ctx) {
    this.input = input;
    this.condition = condition;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    while (true) {
      ctx.checkCancelled();
      Batch b = input.next();
      if (b == null) {
        return null;
      }
      Batch out = apply(condition, b);
      if (out.rowCount() > 0) {
        return out;
      }
    }
  }

  /** The rows of {@code b} for which {@code condition} is TRUE. */
  public static Batch apply(Evaluator condition, Batch b) {
    if (b.rowCount() == 0) {
      return b;
    }
    BooleanColumn c = (BooleanColumn) condition.evaluate(b);
    boolean[] v = c.values();
    boolean[] nulls = c.nulls();
    int n = b.rowCount();
    int[] positions = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (v[i] && (nulls == null || !nulls[i])) {
        positions[count++] = i;
      }
    }
    if (count == n) {
      return b;
    }
    return b.select(positions, count);
  }

  @Override
  public void close() {
    input.close();
  }
}
