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
    double ndvOld = 1;
    java.util.Set<Integer> oldFactors = new java.util.HashSet<>();
    for (Map.Entry<Integer, Double> e : strongest.entrySet()) {
      ndvNew *= ndv(e.getKey());
      ndvOld *= e.getValue();
      oldFactors.add(factorOf[strongestField.get(e.getKey())]);
    }
    if (strongest.size() > 1 && oldFactors.size() == 1) {
      // Several columns of one input against several of another (TPC-H q09's lineitem
      // (l_partkey, l_suppkey) against partsupp's key pairs) are correlated: the product of
      // their distinct counts overstates the distinct pairs, on the foreign-key side most
      // (10^9 (partkey, suppkey) combinations where lineitem has partsupp's 800k at SF 1),
      // which shrank that 6M-row join to 800k rows in the estimate. Cap each side's pair
      // count by the other input's (over whole tables): a foreign key's pairs are contained
      // in the key's.
      int oldFactor = oldFactors.iterator().next();
      double productOld = 1;
      double maxNew = 1;
      double maxOld = 1;
      for (Map.Entry<Integer, Integer> e : strongestField.entrySet()) {
        productOld *= ndv(e.getValue());
        maxNew = Math.max(maxNew, ndv(e.getKey()));
        maxOld = Math.max(maxOld, ndv(e.getValue()));
      }
      double baseNew = Math.min(ndvNew, rows[next]);
      double baseOld = Math.min(productOld, rows[oldFactor]);
      ndvNew = Math.min(baseNew, Math.max(baseOld, maxNew));
      ndvOld = Math.min(Math.min(baseOld, Math.max(baseNew, maxOld)), current);
      return current * rows[next] / Math.max(1, Math.max(ndvNew, ndvOld));
    }
    ndvNew = Math.min(ndvNew, rows[next]);
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
