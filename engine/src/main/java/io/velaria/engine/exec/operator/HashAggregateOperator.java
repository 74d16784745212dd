package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.agg.Accumulator;
import io.velaria.engine.exec.agg.AggregateSpec;
import io.velaria.engine.exec.agg.DistinctFilter;
import io.velaria.engine.exec.hash.GroupHashTable;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * GROUP BY with aggregates (and DISTINCT, as a GROUP BY with no aggregates). Consumes the whole
 * input, mapping each batch's key columns to dense group ids with a {@link GroupHashTable} and
 * updating one {@link Accumulator} per aggregate a batch at a time; then emits the groups in
 * order of first appearance, {@code ctx.batchSize()} rows per batch.
 *
 * <p>Output: the group key columns (input types), then one column per aggregate of
 * {@code spec.resultType()}. Without group keys it is a global aggregate: exactly one row,
 * even for empty input. NULL keys form one group.
 */
public final class HashAggregateOperator implements Operator {
  private final Operator input;
  private final int[] groupKeys;
  private final List<AggregateSpec> aggs;
  private final ExecContext ctx;
  private final GroupHashTable table;
  private final Accumulator[] accumulators;
  private final DistinctFilter[] distinct;
  private final long bytesPerGroup;

  private boolean consumed;
  private int groupCount;
  private int emitted;
  private long accountedGroups;
  private int[] groupIds = new int[0];
  private int[] filterSel = new int[0];

  public HashAggregateOperator(Operator input, DataType[] inputTypes, int[] groupKeys,
      List<AggregateSpec> aggs, ExecContext ctx) {
    this.input = input;
    this.groupKeys = groupKeys.clone();
    this.aggs = List.copyOf(aggs);
    this.ctx = ctx;
    if (groupKeys.length > 0) {
      DataType[] keyTypes = new DataType[groupKeys.length];
      for (int i = 0; i < groupKeys.length; i++) {
        keyTypes[i] = inputTypes[groupKeys[i]];
      }
      table = GroupHashTable.forGrouping(keyTypes, ctx, "grouping rows for aggregation");
    } else {
      table = null;
    }
    accumulators = new Accumulator[aggs.size()];
    distinct = new DistinctFilter[aggs.size()];
    long bytes = 0;
    for (int a = 0; a < accumulators.length; a++) {
      AggregateSpec spec = this.aggs.get(a);
      accumulators[a] = Accumulator.create(spec);
      bytes += accumulators[a].bytesPerGroup();
      if (spec.distinct() && spec.argument() >= 0) {
        distinct[a] = new DistinctFilter(inputTypes[spec.argument()], ctx);
      }
    }
    bytesPerGroup = bytes;
  }

  @Override
  public Batch next() {
    if (!consumed) {
      consume();
      consumed = true;
    }
    if (emitted >= groupCount) {
      return null;
    }
    int n = Math.min(ctx.batchSize(), groupCount - emitted);
    Column[] out = new Column[groupKeys.length + accumulators.length];
    for (int k = 0; k < groupKeys.length; k++) {
      out[k] = table.keyColumn(k, emitted, n);
    }
    for (int a = 0; a < accumulators.length; a++) {
      out[groupKeys.length + a] = accumulators[a].result(emitted, n);
    }
    emitted += n;
    return new Batch(out, n);
  }

  private void consume() {
    Column[] keyCols = new Column[groupKeys.length];
    Batch b;
    while ((b = input.next()) != null) {
      ctx.checkCancelled();
      int n = b.rowCount();
      if (n == 0) {
        continue;
      }
      if (groupIds.length < n) {
        // Zero-filled, which is the only group id of a global aggregate.
        groupIds = new int[n];
      }
      int groups = 1;
      if (table != null) {
        for (int k = 0; k < groupKeys.length; k++) {
          keyCols[k] = b.column(groupKeys[k]);
        }
        table.findOrInsert(keyCols, n, groupIds);
        groups = table.size();
      }
      ensureGroups(groups);
      for (int a = 0; a < accumulators.length; a++) {
        addBatch(a, b, n);
      }
    }
    groupCount = table == null ? 1 : table.size();
    ensureGroups(groupCount);
  }

  private void addBatch(int a, Batch b, int n) {
    AggregateSpec spec = aggs.get(a);
    Column arg = spec.argument() >= 0 ? b.column(spec.argument()) : null;
    int[] sel = null;
    int count = n;
    if (spec.filterColumn() >= 0) {
      // FILTER (WHERE ...): only rows where the condition is TRUE, not FALSE or NULL.
      if (filterSel.length < n) {
        filterSel = new int[n];
      }
      count = Conditions.trueRows(b.column(spec.filterColumn()), n, filterSel);
      sel = filterSel;
    }
    if (distinct[a] != null) {
      sel = distinct[a].filter(groupIds, arg, sel, count);
      count = distinct[a].count();
    }
    if (count > 0) {
      accumulators[a].add(groupIds, arg, sel, count);
    }
  }

  /** Grows accumulator state and the memory reservation for it. */
  private void ensureGroups(int groups) {
    if (groups > accountedGroups) {
      ctx.memory().reserve((groups - accountedGroups) * bytesPerGroup, "computing aggregates");
      accountedGroups = groups;
    }
    for (Accumulator acc : accumulators) {
      acc.ensureGroups(groups);
    }
  }

  @Override
  public void close() {
    input.close();
    if (table != null) {
      table.close();
    }
    for (DistinctFilter d : distinct) {
      if (d != null) {
        d.close();
      }
    }
    ctx.memory().release(accountedGroups * bytesPerGroup);
    accountedGroups = 0;
  }
}
