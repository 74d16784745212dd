package io.velaria.engine.sql.calcite;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls conditions common to every branch of an OR out of it ({@code (a AND b) OR (a AND c)}
 * becomes {@code a AND (b OR c)}), so a join key repeated in each branch (TPC-H q19) becomes
 * a hash-join key instead of a nested-loop condition.
 */
final class CommonFactors extends RelHomogeneousShuttle {
  private final RexBuilder rexBuilder;

  CommonFactors(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (rel instanceof Filter) {
      Filter f = (Filter) rel;
      RexNode pulled = RexUtil.pullFactors(rexBuilder, f.getCondition());
      if (!pulled.equals(f.getCondition())) {
        return f.copy(f.getTraitSet(), f.getInput(), pulled);
      }
    } else if (rel instanceof Join) {
      Join j = (Join) rel;
      RexNode pulled = RexUtil.pullFactors(rexBuilder, j.getCondition());
      if (!pulled.equals(j.getCondition())) {
        return j.copy(j.getTraitSet(), pulled, j.getLeft(), j.getRight(), j.getJoinType(),
            j.isSemiJoinDone());
      }
    }
    return rel;
  }
}
