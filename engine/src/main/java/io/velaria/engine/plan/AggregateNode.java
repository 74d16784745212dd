package io.velaria.engine.plan;

import io.velaria.engine.exec.agg.AggregateSpec;
import java.util.Arrays;
import java.util.List;

/** Hash aggregation: group key columns first, then one column per aggregate. */
public final class AggregateNode extends PlanNode {
  private final PlanNode input;
  private final int[] groupKeys;
  private final List<AggregateSpec> aggregates;

  public AggregateNode(List<PlanField> fields, PlanNode input, int[] groupKeys,
      List<AggregateSpec> aggregates) {
    super(fields);
    this.input = input;
    this.groupKeys = groupKeys.clone();
    this.aggregates = List.copyOf(aggregates);
  }

  public PlanNode input() {
    return input;
  }

  public int[] groupKeys() {
    return groupKeys.clone();
  }

  public List<AggregateSpec> aggregates() {
    return aggregates;
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
    StringBuilder sb = new StringBuilder("HashAggregate keys=").append(Arrays.toString(groupKeys));
    for (AggregateSpec a : aggregates) {
      sb.append(' ').append(a.kind()).append(a.distinct() ? "(DISTINCT $" : "($")
          .append(a.argument()).append(')');
    }
    return sb.toString();
  }
}
