package io.velaria.engine.plan;

import java.util.List;
import org.apache.calcite.rex.RexNode;

/** Keeps the rows for which {@code condition} is TRUE. */
public final class FilterNode extends PlanNode {
  private final PlanNode input;
  private final RexNode condition;

  public FilterNode(PlanNode input, RexNode condition) {
    super(input.fields());
    this.input = input;
    this.condition = condition;
  }

  public PlanNode input() {
    return input;
  }

  public RexNode condition() {
    return condition;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public String describe() {
    return "Filter " + condition;
  }
}
