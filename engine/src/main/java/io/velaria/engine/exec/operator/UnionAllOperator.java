package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * Reads its inputs one after another. Inputs may differ in nullability; columns are
 * relabelled with the output types.
 */
public final class UnionAllOperator implements Operator {
  private final List<Operator> inputs;
  private int current;

  public UnionAllOperator(List<Operator> inputs, DataType[] types) {
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public Batch next() {
    while (current < inputs.size()) {
      Batch b = inputs.get(current).next();
      if (b != null) {
        return b;
      }
      inputs.get(current).close();
      current++;
    }
    return null;
  }

  @Override
  public void close() {
    for (Operator o : inputs) {
      o.close();
    }
  }
}
