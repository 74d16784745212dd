package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import java.util.Iterator;
import java.util.List;

/** Returns batches from a list, e.g. a managed table's snapshot or literal VALUES rows. */
public final class BatchListOperator implements Operator {
  private final Iterator<Batch> batches;

  public BatchListOperator(List<Batch> batches) {
    this.batches = batches.iterator();
  }

  @Override
  public Batch next() {
    return batches.hasNext() ? batches.next() : null;
  }

  @Override
  public void close() {}
}
