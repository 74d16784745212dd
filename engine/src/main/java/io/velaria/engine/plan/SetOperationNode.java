package io.velaria.engine.plan;

import java.util.List;

/** UNION (distinct), INTERSECT and EXCEPT, with or without ALL. */
public final class SetOperationNode extends PlanNode {
  public enum Kind { UNION, INTERSECT, EXCEPT }

  private final List<PlanNode> inputs;
  private final Kind kind;
  private final boolean all;

  public SetOperationNode(List<PlanField> fields, List<PlanNode> inputs, Kind kind, boolean all) {
    super(fields);
    this.inputs = List.copyOf(inputs);
    this.kind = kind;
    this.all = all;
  }

  public Kind kind() {
    return kind;
  }

  public boolean all() {
    return all;
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
    return kind + (all ? " ALL" : "");
  }
}
