package io.velaria.engine.plan;

import io.velaria.engine.exec.operator.SortKey;
import java.util.List;

/** ORDER BY, with an optional OFFSET/LIMIT that lets the operator keep only the top rows. */
public final class SortNode extends PlanNode {
  private final PlanNode input;
  private final List<SortKey> keys;
  private final RowCount offset;
  private final RowCount limit;

  public SortNode(PlanNode input, List<SortKey> keys, RowCount offset, RowCount limit) {
    super(input.fields());
    this.input = input;
    this.keys = List.copyOf(keys);
    this.offset = offset;
    this.limit = limit;
  }

  public PlanNode input() {
    return input;
  }

  public List<SortKey> keys() {
    return keys;
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
    return (limit != RowCount.NONE ? "TopN limit=" + limit + " offset=" + offset + " " : "Sort ") + keys;
  }
}
