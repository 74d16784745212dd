package io.velaria.engine.plan;

import java.util.List;

/** OFFSET/LIMIT without ordering. */
public final class LimitNode extends PlanNode {
  private final PlanNode input;
  private final RowCount offset;
  private final RowCount limit;

  public LimitNode(PlanNode input, RowCount offset, RowCount limit) {
    super(input.fields());
    this.input = input;
    this.offset = offset;
    this.limit = limit;
  }

  public PlanNode input() {
    return input;
  }

  public RowCount offset() {
    return offset;
  }

  /** -1 for no limit. */
  public RowCount limit() {
    return limit;
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
    return "Limit offset=" + offset + " limit=" + limit;
  }
}
