package io.velaria.engine.sql.calcite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Adds the single-column conditions an OR implies: from {@code (n1 = 'FRANCE' AND n2 =
 * 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} it adds {@code (n1 = 'FRANCE' OR n1 =
 * 'GERMANY')} and the same for n2, keeping the OR itself. Each added condition is about one
 * column, so it is pushed into that column's scan: in TPC-H q07 the two nation scans keep 2 of
 * 25 rows before the joins instead of every lineitem of 1995-96 being joined with orders and
 * customers first and filtered at the last join; q19's lineitem and part scans are cut the
 * same way. Only conditions of WHERE clauses and inner joins, where adding an implied
 * conjunct cannot change the result.
 */
final class OrImpliedFilters extends ConditionRewriter {
  private final RexBuilder rexBuilder;

  OrImpliedFilters(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  boolean rewritesJoin(Join join) {
    return join.getJoinType() == JoinRelType.INNER;
  }

  /** The condition with the implied conjuncts added, or null when there are none. */
  @Override
  RexNode rewrite(RexNode condition) {
    if (RexUtil.containsCorrelation(condition)
        || RexUtil.SubQueryFinder.find(List.of(condition)) != null) {
      return null;
    }
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    List<RexNode> added = new ArrayList<>();
    for (RexNode c : conjuncts) {
      if (c.getKind() != SqlKind.OR || RelOptUtil.InputFinder.bits(c).cardinality() < 2) {
        continue;
      }
      List<RexNode> disjuncts = RelOptUtil.disjunctions(c);
      // column -> per disjunct, the AND of its conjuncts about that column alone
      Map<Integer, List<RexNode>> byColumn = null;
      for (RexNode d : disjuncts) {
        Map<Integer, List<RexNode>> mine = new LinkedHashMap<>();
        for (RexNode part : RelOptUtil.conjunctions(d)) {
          ImmutableBitSet cols = RelOptUtil.InputFinder.bits(part);
          if (cols.cardinality() == 1 && RexUtil.isDeterministic(part)) {
            mine.computeIfAbsent(cols.nth(0), k -> new ArrayList<>()).add(part);
          }
        }
        if (byColumn == null) {
          byColumn = new LinkedHashMap<>();
          for (Map.Entry<Integer, List<RexNode>> e : mine.entrySet()) {
            List<RexNode> l = new ArrayList<>();
            l.add(RexUtil.composeConjunction(rexBuilder, e.getValue()));
            byColumn.put(e.getKey(), l);
          }
        } else {
          byColumn.keySet().retainAll(mine.keySet());
          for (Map.Entry<Integer, List<RexNode>> e : byColumn.entrySet()) {
            e.getValue().add(RexUtil.composeConjunction(rexBuilder, mine.get(e.getKey())));
          }
        }
        if (byColumn.isEmpty()) {
          break;
        }
      }
      if (byColumn == null) {
        continue;
      }
      for (List<RexNode> perDisjunct : byColumn.values()) {
        added.add(RexUtil.composeDisjunction(rexBuilder, perDisjunct));
      }
    }
    if (added.isEmpty()) {
      return null;
    }
    List<RexNode> all = new ArrayList<>(conjuncts);
    all.addAll(added);
    return RexUtil.composeConjunction(rexBuilder, all);
  }
}
