package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import java.util.List;

/** Computes each output column from the whole input batch. */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final List<Evaluator> expressions;
  private final ExecContext ctx;

  public ProjectOperator(Operator input, List<Evaluator> expressions, ExecContext ctx) {
    this.input = input;
    this.expressions = List.copyOf(expressions);
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    ctx.checkCancelled();
    Batch b = input.next();
    if (b == null) {
      return null;
    }
    Column[] out = new Column[expressions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = expressions.get(i).evaluate(b);
    }
    return new Batch(out, b.rowCount());
  }

  @Override
  public void close() {
    input.close();
  }
}
