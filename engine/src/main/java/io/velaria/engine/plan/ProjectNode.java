package io.velaria.engine.plan;

import java.util.List;
import org.apache.calcite.rex.RexNode;

/** Computes one output column per expression over the input's columns. */
public final class ProjectNode extends PlanNode {
  private final PlanNode input;
  private final List<RexNode> expressions;

  public ProjectNode(List<PlanField> fields, PlanNode input, List<RexNode> expressions) {
    super(fields);
    this.input = input;
    this.expressions = List.copyOf(expressions);
  }

  public PlanNode input() {
    return input;
  }

  public List<RexNode> expressions() {
    return expressions;
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
    return "Project " + expressions;
  }
}
