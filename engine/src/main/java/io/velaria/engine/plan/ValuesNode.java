package io.velaria.engine.plan;

import java.util.List;

/** Literal rows; values in the engine's internal representation. */
public final class ValuesNode extends PlanNode {
  private final List<List<Object>> rows;

  public ValuesNode(List<PlanField> fields, List<List<Object>> rows) {
    super(fields);
    this.rows = rows;
  }

  public List<List<Object>> rows() {
    return rows;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public String describe() {
    return "Values rows=" + rows.size();
  }
}
