package io.velaria.engine.sql.calcite;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Estimates the rows of joining one more input of a {@link org.apache.calcite.rel.rules.MultiJoin}
 * to the inputs already joined, for {@link GreedyJoinOrder}. An equi-join keeps
 * {@code |L| |R| / max(ndv(L keys), ndv(R keys))} rows, where ndv is the number of distinct key
 * values on each side (from {@link DistinctCounts} for columns that come straight from a table,
 * capped by the side's rows; the side's rows when unknown, i.e. a key). Several conditions on
 * the same new column (c.nationkey = s.nationkey AND c.nationkey = n.nationkey) are one
 * constraint, not independent filters, so only the strongest one counts.
 */
final class JoinSizeEstimator {
  private final RelMetadataQuery mq;
  private final List<RelNode> inputs;
  private final int[] offset;
  private final int[] factorOf;
  private final double[] rows;
  private final List<RexNode> conjuncts;
  private final List<BitSet> factorsOf;
  /** For each conjunct, the two fields of a column = column condition, or null. */
  private final int[][] equiFields;
  private final Map<Integer, Double> ndvCache = new HashMap<>();

  JoinSizeEstimator(RelMetadataQuery mq, List<RelNode> inputs, int[] offset, int[] factorOf,
      double[] rows, List<RexNode> conjuncts, List<BitSet> factorsOf) {
    this.mq = mq;
    this.inputs = inputs;
    this.offset = offset;
    this.factorOf = factorOf;
    this.rows = rows;
    this.conjuncts = conjuncts;
    this.factorsOf = factorsOf;
    this.equiFields = new int[conjuncts.size()][];
    for (int c = 0; c < conjuncts.size(); c++) {
      equiFields[c] = equiFields(conjuncts.get(c));
    }
  }

  /** Estimated rows of joining input {@code next} to {@code joined} (of {@code current} rows). */
  double joinRows(double current, BitSet joined, int next) {
    // new-side field -> the largest distinct count among the joined-side fields it equals,
    // and the joined-side field that has it
    Map<Integer, Double> strongest = new HashMap<>();
    Map<Integer, Integer> strongestField = new HashMap<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      int[] eq = equiFields[c];
      if (eq == null || !factorsOf.get(c).get(next)) {
        continue;
      }
      int a = eq[0];
      int b = eq[1];
      if (factorOf[a] != next) {
        int t = a;
        a = b;
        b = t;
      }
      if (factorOf[a] != next || !joined.get(factorOf[b])) {
        continue;
      }
      double old = Math.min(ndv(b), current);
      Double prev = strongest.get(a);
      if (prev == null || old > prev) {
        strongest.put(a, old);
        strongestField.put(a, b);
      }
    }
    if (strongest.isEmpty()) {
      return current * rows[next]; // only non-equi conditions: no estimate of their effect
    }
    double ndvNew = 1;
    for (Integer f : strongest.keySet()) {
      ndvNew *= ndv(f);
    }
    ndvNew = Math.min(ndvNew, rows[next]);
    // Joined-side columns of one input are correlated (lineitem's l_partkey, l_suppkey
    // reference partsupp's key pairs): the product of their distinct counts would say
    // (partkey, suppkey) pairs are all distinct and shrink TPC-H q09's lineitem-partsupp join
    // from 6M to 800k rows at SF 1. Per input, cap the product at the larger of its biggest
    // single count and the new side's distinct keys (containment of foreign keys). Columns of
    // different inputs stay independent (q05's c_nationkey and l_suppkey against supplier).
    Map<Integer, double[]> perFactor = new HashMap<>(); // factor -> {product, max single}
    for (Map.Entry<Integer, Double> e : strongest.entrySet()) {
      int factor = factorOf[strongestField.get(e.getKey())];
      double[] pm = perFactor.computeIfAbsent(factor, k -> new double[] {1, 1});
      pm[0] *= e.getValue();
      pm[1] = Math.max(pm[1], e.getValue());
    }
    double ndvOld = 1;
    for (double[] pm : perFactor.values()) {
      ndvOld *= pm[0] > pm[1] ? Math.min(pm[0], Math.max(pm[1], ndvNew)) : pm[0];
    }
    ndvOld = Math.min(ndvOld, current);
    return current * rows[next] / Math.max(1, Math.max(ndvNew, ndvOld));
  }

  /** Distinct values of a MultiJoin field, capped by its input's rows; the rows if unknown. */
  private double ndv(int field) {
    return ndvCache.computeIfAbsent(field, f -> {
      int factor = factorOf[f];
      double inputRows = rows[factor];
      double d = tableDistinct(inputs.get(factor), f - offset[factor]);
      return d < 0 ? inputRows : Math.max(1, Math.min(d, inputRows));
    });
  }

  private double tableDistinct(RelNode input, int column) {
    RelColumnOrigin origin = mq.getColumnOrigin(input, column);
    if (origin == null || origin.isDerived()) {
      return -1;
    }
    RelOptTable table = origin.getOriginTable();
    CatalogTable ct = table.unwrap(CatalogTable.class);
    return ct == null ? -1 : DistinctCounts.of(ct, origin.getOriginColumnOrdinal());
  }

  private static int[] equiFields(RexNode c) {
    if (!(c instanceof RexCall)
        || (c.getKind() != SqlKind.EQUALS && c.getKind() != SqlKind.IS_NOT_DISTINCT_FROM)) {
      return null;
    }
    List<RexNode> ops = ((RexCall) c).getOperands();
    RexNode l = RexUtil.removeCast(ops.get(0));
    RexNode r = RexUtil.removeCast(ops.get(1));
    if (l instanceof RexInputRef && r instanceof RexInputRef) {
      return new int[] {((RexInputRef) l).getIndex(), ((RexInputRef) r).getIndex()};
    }
    return null;
  }
}
