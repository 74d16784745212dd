package io.velaria.engine.plan;

import io.velaria.engine.exec.operator.SortKey;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * Window functions: the input's columns followed by one column per window call. Calls are
 * grouped by their window (partitioning, ordering and frame).
 */
public final class WindowNode extends PlanNode {
  /** A frame bound; {@code offset} counts rows for PRECEDING/FOLLOWING. */
  public record Bound(Kind kind, long offset) {
    public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }
  }

  /**
   * One window call.
   *
   * @param function upper-case function name (ROW_NUMBER, SUM, LAG, ...)
   * @param columns input column of each operand, or -1 where the operand is a constant
   * @param constants the constant operands (internal representation), null where a column
   * @param argTypes type of each operand
   * @param resultType the call's type
   */
  public record Call(String function, int[] columns, Object[] constants, DataType[] argTypes,
      DataType resultType) {}

  /** Calls sharing one window. */
  public record Group(int[] partitionKeys, List<SortKey> orderKeys, boolean rows, Bound lower,
      Bound upper, List<Call> calls) {}

  private final PlanNode input;
  private final List<Group> groups;

  public WindowNode(List<PlanField> fields, PlanNode input, List<Group> groups) {
    super(fields);
    this.input = input;
    this.groups = List.copyOf(groups);
  }

  public PlanNode input() {
    return input;
  }

  public List<Group> groups() {
    return groups;
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
    StringBuilder sb = new StringBuilder("Window");
    for (Group g : groups) {
      sb.append(" [partition=").append(java.util.Arrays.toString(g.partitionKeys()))
          .append(" order=").append(g.orderKeys()).append(g.rows() ? " ROWS " : " RANGE ")
          .append(g.lower().kind()).append("..").append(g.upper().kind());
      for (Call c : g.calls()) {
        sb.append(' ').append(c.function());
      }
      sb.append(']');
    }
    return sb.toString();
  }
}
