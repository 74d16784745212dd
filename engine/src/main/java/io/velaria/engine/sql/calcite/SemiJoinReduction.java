package io.velaria.engine.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Semi-join reduction of a grouped aggregate that an inner join then filters by its group key.
 * A decorrelated subquery such as TPC-H q17's {@code (SELECT AVG(l_quantity) FROM lineitem
 * WHERE l_partkey = p_partkey)} becomes {@code Join(outer, Aggregate(group l_partkey,
 * lineitem))}: the aggregate computes all 200,000 parts' averages although the join keeps the
 * ~200 parts of the outer side. This pass filters the aggregate's input by a semi join with
 * the smallest relation known to hold every key the join can match (the outer side, or a
 * part of it equal to the key through inner equi-joins), so only needed groups are built.
 *
 * <p>Correct because an inner join drops every group whose key is not among the other side's
 * key values, and the semi join keeps exactly (a superset of) those. NULL keys never match on
 * either path. Applied only when the key source is estimated at most a quarter of the
 * aggregate's input: the source is then evaluated twice (it is small), and probing its
 * hash table costs less than grouping the rows it removes.
 */
final class SemiJoinReduction extends RelHomogeneousShuttle {
  /** Key source rows times this must not exceed the aggregate input's rows. */
  private static final double MIN_REDUCTION = 4.0;

  private final RelMetadataQuery mq;
  private final RexBuilder rexBuilder;

  private SemiJoinReduction(RelNode root) {
    this.mq = root.getCluster().getMetadataQuery();
    this.rexBuilder = root.getCluster().getRexBuilder();
  }

  static RelNode apply(RelNode rel) {
    return rel.accept(new SemiJoinReduction(rel));
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (!(rel instanceof Join) || ((Join) rel).getJoinType() != JoinRelType.INNER) {
      return rel;
    }
    Join join = (Join) rel;
    JoinInfo info = join.analyzeCondition();
    for (int pair = 0; pair < info.leftKeys.size(); pair++) {
      RelNode reduced = reduce(join.getRight(), info.rightKeys.get(pair),
          join.getLeft(), info.leftKeys.get(pair));
      if (reduced != null) {
        return join.copy(join.getTraitSet(), join.getCondition(), join.getLeft(), reduced,
            JoinRelType.INNER, join.isSemiJoinDone());
      }
      reduced = reduce(join.getLeft(), info.leftKeys.get(pair),
          join.getRight(), info.rightKeys.get(pair));
      if (reduced != null) {
        return join.copy(join.getTraitSet(), join.getCondition(), reduced, join.getRight(),
            JoinRelType.INNER, join.isSemiJoinDone());
      }
    }
    return rel;
  }

  /** The aggregate side with its input semi-joined to the key source, or null. */
  private RelNode reduce(RelNode aggSide, int aggKey, RelNode otherSide, int otherKey) {
    if (!(aggSide instanceof Aggregate)) {
      return null;
    }
    Aggregate agg = (Aggregate) aggSide;
    if (agg.getGroupType() != Aggregate.Group.SIMPLE || aggKey >= agg.getGroupCount()
        || agg.getInput() instanceof Join && ((Join) agg.getInput()).getJoinType()
            == JoinRelType.SEMI) {
      return null;
    }
    int inputColumn = agg.getGroupSet().nth(aggKey);
    RelNode input = agg.getInput();
    RelDataType keyType = input.getRowType().getFieldList().get(inputColumn).getType();
    List<KeySource> sources = new ArrayList<>();
    collect(otherSide, otherKey, sources, 0);
    KeySource best = null;
    double bestRows = Double.MAX_VALUE;
    for (KeySource s : sources) {
      Double rows = mq.getRowCount(s.rel);
      RelDataType t = s.rel.getRowType().getFieldList().get(s.column).getType();
      if (rows != null && rows < bestRows && t.getSqlTypeName() == keyType.getSqlTypeName()) {
        best = s;
        bestRows = rows;
      }
    }
    Double inputRows = mq.getRowCount(input);
    if (best == null || inputRows == null || bestRows * MIN_REDUCTION > inputRows) {
      return null;
    }
    int width = input.getRowType().getFieldCount();
    RexNode condition = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS,
        RexInputRef.of(inputColumn, input.getRowType()),
        new RexInputRef(width + best.column,
            best.rel.getRowType().getFieldList().get(best.column).getType()));
    RelNode semi = LogicalJoin.create(input, best.rel, List.of(), condition, Set.of(),
        JoinRelType.SEMI);
    return agg.copy(agg.getTraitSet(), List.of(semi));
  }

  /**
   * Every (relation, column) whose values include all values of {@code column} of {@code rel}:
   * itself, through projections of a plain column, filters (a superset), and inner equi-joins
   * (either side of an equality).
   */
  private static void collect(RelNode rel, int column, List<KeySource> out, int depth) {
    out.add(new KeySource(rel, column));
    if (depth > 16) {
      return;
    }
    if (rel instanceof Project) {
      RexNode e = ((Project) rel).getProjects().get(column);
      if (e instanceof RexInputRef) {
        collect(((Project) rel).getInput(), ((RexInputRef) e).getIndex(), out, depth + 1);
      }
    } else if (rel instanceof Filter) {
      collect(((Filter) rel).getInput(), column, out, depth + 1);
    } else if (rel instanceof Join && ((Join) rel).getJoinType() == JoinRelType.INNER) {
      Join j = (Join) rel;
      int leftWidth = j.getLeft().getRowType().getFieldCount();
      JoinInfo info = j.analyzeCondition();
      if (column < leftWidth) {
        collect(j.getLeft(), column, out, depth + 1);
        int i = info.leftKeys.indexOf(column);
        if (i >= 0) {
          collect(j.getRight(), info.rightKeys.get(i), out, depth + 1);
        }
      } else {
        int right = column - leftWidth;
        collect(j.getRight(), right, out, depth + 1);
        int i = info.rightKeys.indexOf(right);
        if (i >= 0) {
          collect(j.getLeft(), info.leftKeys.get(i), out, depth + 1);
        }
      }
    }
  }

  /** A relation and one of its columns. */
  private static final class KeySource {
    final RelNode rel;
    final int column;

    KeySource(RelNode rel, int column) {
      this.rel = rel;
      this.column = column;
    }
  }
}
