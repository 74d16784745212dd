package io.velaria.engine.sql.calcite;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;

/**
 * Rewrites the conditions of every Filter and of the Joins a subclass accepts, bottom-up, in
 * one pass over the plan. Subclasses say only how a condition changes; copying the node stays
 * here, so each rewrite is a pure function of one condition.
 */
abstract class ConditionRewriter extends RelHomogeneousShuttle {

  /** The rewritten condition, or null (or the same condition) when nothing changes. */
  abstract RexNode rewrite(RexNode condition);

  /** Whether a join's condition may be rewritten; every join by default. */
  boolean rewritesJoin(Join join) {
    return true;
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (rel instanceof Filter) {
      Filter f = (Filter) rel;
      RexNode c = rewrite(f.getCondition());
      if (c != null && !c.equals(f.getCondition())) {
        return f.copy(f.getTraitSet(), f.getInput(), c);
      }
    } else if (rel instanceof Join && rewritesJoin((Join) rel)) {
      Join j = (Join) rel;
      RexNode c = rewrite(j.getCondition());
      if (c != null && !c.equals(j.getCondition())) {
        return j.copy(j.getTraitSet(), c, j.getLeft(), j.getRight(), j.getJoinType(),
            j.isSemiJoinDone());
      }
    }
    return rel;
  }
}
