package io.velaria.engine.plan;

import io.velaria.engine.type.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A node of Velaria's physical plan. Immutable; built from Calcite's logical plan by
 * {@link RelToPlanConverter} and turned into operators by the execution planner.
 */
public abstract class PlanNode {
  private final List<PlanField> fields;

  protected PlanNode(List<PlanField> fields) {
    this.fields = List.copyOf(Objects.requireNonNull(fields));
  }

  public final List<PlanField> fields() {
    return fields;
  }

  public final DataType[] types() {
    DataType[] t = new DataType[fields.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = fields.get(i).type();
    }
    return t;
  }

  public abstract List<PlanNode> inputs();

  public abstract <R> R accept(PlanVisitor<R> visitor);

  /** One line for EXPLAIN, without the inputs. */
  public abstract String describe();

  /** The plan as an indented tree. */
  public final String explain() {
    StringBuilder sb = new StringBuilder();
    explain(sb, 0);
    return sb.toString();
  }

  private void explain(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth)).append(describe()).append('\n');
    for (PlanNode in : inputs()) {
      in.explain(sb, depth + 1);
    }
  }
}
