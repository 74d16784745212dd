package io.velaria.engine.sql.calcite;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls conditions common to every branch of an OR out of it ({@code (a AND b) OR (a AND c)}
 * becomes {@code a AND (b OR c)}), so a join key repeated in each branch (TPC-H q19) becomes
 * a hash-join key instead of a nested-loop condition.
 */
final class CommonFactors extends ConditionRewriter {
  private final RexBuilder rexBuilder;

  CommonFactors(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  RexNode rewrite(RexNode condition) {
    return RexUtil.pullFactors(rexBuilder, condition);
  }
}
