package io.velaria.engine.plan;

import java.util.List;

/** OFFSET/LIMIT without ordering. */
public final class LimitNode extends PlanNode {
  private final PlanNode input;
  private final long offset;
  private final long limit;

  public LimitNode(PlanNode input, long offset, long limit) {
    super(input.fields());
    this.input = input;
    this.offset = offset;
    this.limit = limit;
  }

  public PlanNode input() {
    return input;
  }

  public long offset() {
    return offset;
  }

  /** -1 for no limit. */
  public long limit() {
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
