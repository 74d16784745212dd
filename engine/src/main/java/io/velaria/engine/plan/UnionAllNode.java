package io.velaria.engine.plan;

import java.util.List;

/** Concatenates inputs of the same row type (UNION ALL). */
public final class UnionAllNode extends PlanNode {
  private final List<PlanNode> inputs;

  public UnionAllNode(List<PlanField> fields, List<PlanNode> inputs) {
    super(fields);
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public List<PlanNode> inputs() {
    return inputs;
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public String describe() {
    return "UnionAll";
  }
}
