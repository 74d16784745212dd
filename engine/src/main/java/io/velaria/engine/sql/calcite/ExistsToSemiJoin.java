package io.velaria.engine.sql.calcite;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns {@code WHERE [NOT] EXISTS (SELECT ... FROM r WHERE cond)} into a SEMI (ANTI) join of
 * the filtered input with {@code r} on {@code cond}, when {@code r} itself is uncorrelated
 * and {@code cond} refers to the outer row only through the filter's correlation variable.
 *
 * <p>Why: Calcite's general decorrelation of such a subquery (as in TPC-H q21, where the
 * condition has a non-equality {@code l2.l_suppkey <> l1.l_suppkey}) joins the whole outer
 * query into the subquery to enumerate the correlation values, computing the outer joins
 * several times. A semi join computes the outer input once and probes a hash table of
 * {@code r} on the equality parts of {@code cond}, checking the rest per candidate pair.
 * Semantics are exact: EXISTS is true iff some row of r makes cond TRUE, which is what a
 * SEMI join keeps (and ANTI drops), NULLs included.
 */
final class ExistsToSemiJoin extends RelHomogeneousShuttle {
  static RelNode apply(RelNode rel) {
    return rel.accept(new ExistsToSemiJoin());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    return rel instanceof LogicalFilter ? rewrite((LogicalFilter) rel) : rel;
  }

  private static RelNode rewrite(LogicalFilter filter) {
    Set<CorrelationId> vars = filter.getVariablesSet();
    if (vars.isEmpty()) {
      return filter;
    }
    RelNode input = filter.getInput();
    List<RexNode> rest = new ArrayList<>();
    boolean changed = false;
    for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
      RexNode e = c;
      boolean negated = false;
      if (e.getKind() == SqlKind.NOT) {
        e = ((RexCall) e).getOperands().get(0);
        negated = true;
      }
      if (e instanceof RexSubQuery && e.getKind() == SqlKind.EXISTS) {
        RelNode joined = semiJoin(input, ((RexSubQuery) e).rel, vars, negated);
        if (joined != null) {
          input = joined;
          changed = true;
          continue;
        }
      }
      rest.add(c);
    }
    if (!changed) {
      return filter;
    }
    if (rest.isEmpty()) {
      return input;
    }
    return LogicalFilter.create(input,
        RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), rest),
        ImmutableSet.copyOf(vars));
  }

  /** The semi (anti) join of {@code left} with the subquery, or null if it does not fit. */
  private static RelNode semiJoin(RelNode left, RelNode sub, Set<CorrelationId> vars,
      boolean anti) {
    RelNode r = sub;
    // EXISTS ignores the selected columns
    while (r instanceof LogicalProject) {
      r = r.getInput(0);
    }
    List<RexNode> conditions = new ArrayList<>();
    while (r instanceof LogicalFilter && ((LogicalFilter) r).getVariablesSet().isEmpty()) {
      conditions.addAll(RelOptUtil.conjunctions(((LogicalFilter) r).getCondition()));
      r = r.getInput(0);
    }
    if (conditions.isEmpty() || !RelOptUtil.getVariablesUsed(r).isEmpty()) {
      return null;
    }
    List<RelDataTypeField> leftFields = left.getRowType().getFieldList();
    int nl = leftFields.size();
    boolean[] ok = {true};
    boolean[] correlated = {false};
    RexShuttle toJoin = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(nl + ref.getIndex(), ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        RexNode ref = access.getReferenceExpr();
        if (ref instanceof RexCorrelVariable
            && vars.contains(((RexCorrelVariable) ref).id)
            && ref.getType().getFieldCount() == nl) {
          int i = access.getField().getIndex();
          correlated[0] = true;
          return new RexInputRef(i, leftFields.get(i).getType());
        }
        ok[0] = false;
        return access;
      }

      @Override
      public RexNode visitCorrelVariable(RexCorrelVariable variable) {
        ok[0] = false;
        return variable;
      }

      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        ok[0] = false;
        return subQuery;
      }
    };
    List<RexNode> joinConditions = new ArrayList<>();
    List<RexNode> innerOnly = new ArrayList<>();
    for (RexNode c : conditions) {
      boolean before = correlated[0];
      correlated[0] = false;
      RexNode j = c.accept(toJoin);
      if (correlated[0] || RexUtil.containsCorrelation(c)) {
        joinConditions.add(j);
      } else {
        // about the subquery's rows alone: filters them before the join (a smaller build side)
        innerOnly.add(c);
      }
      correlated[0] |= before;
    }
    if (!ok[0] || !correlated[0]) {
      return null;
    }
    if (!innerOnly.isEmpty()) {
      r = LogicalFilter.create(r, RexUtil.composeConjunction(r.getCluster().getRexBuilder(),
          innerOnly));
    }
    RexNode condition = RexUtil.composeConjunction(left.getCluster().getRexBuilder(),
        joinConditions);
    return LogicalJoin.create(left, r, List.of(), condition, Set.of(),
        anti ? JoinRelType.ANTI : JoinRelType.SEMI);
  }
}
