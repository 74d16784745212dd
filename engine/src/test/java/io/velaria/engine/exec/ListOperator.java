package io.velaria.engine.exec;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.operator.Operator;
import java.util.List;

/** A source operator returning given batches; records whether it was closed. */
public final class ListOperator implements Operator {
  private final List<Batch> batches;
  private int next;
  private boolean closed;

  public ListOperator(List<Batch> batches) {
    this.batches = batches;
  }

  public ListOperator(Batch... batches) {
    this(List.of(batches));
  }

  @Override
  public Batch next() {
    return next < batches.size() ? batches.get(next++) : null;
  }

  @Override
  public void close() {
    closed = true;
  }

  public boolean closed() {
    return closed;
  }
}
