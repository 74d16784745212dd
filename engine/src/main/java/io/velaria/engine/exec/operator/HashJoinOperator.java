package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.hash.GroupHashTable;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;

/**
 * Equi-join: builds a {@link GroupHashTable} over the build side's key columns (distinct keys
 * get dense ids), then lists the build rows of each key contiguously (a counting sort by key
 * id, keeping build order), so probing is one table lookup per probe row followed by a scan
 * of an int range. A NULL key never matches unless its key is null-safe
 * ({@code IS NOT DISTINCT FROM}). See {@link AbstractJoinOperator} for output and join types.
 *
 * <p>Output: probe columns then build columns; SEMI and ANTI only probe columns.
 */
public final class HashJoinOperator extends AbstractJoinOperator {
  private final int[] probeKeys;
  private final int[] buildKeys;
  /** Per key: compare as DOUBLE because one side is LONG and the other DOUBLE. */
  private final boolean[] asDouble;
  private final GroupHashTable table;

  private int[] rowGroup = new int[0];
  /** Build rows of key id g are {@code rowsByGroup[groupStart[g] .. groupStart[g + 1])}. */
  private int[] groupStart;
  private int[] rowsByGroup;

  private int[] probeGroups = new int[0];
  private int cursorRow;
  private int cursorPos;

  public HashJoinOperator(Operator probe, Operator build, DataType[] probeTypes,
      DataType[] buildTypes, int[] probeKeys, int[] buildKeys, boolean[] nullSafeKeys,
      JoinType type, Evaluator residual, ExecContext ctx) {
    super(probe, build, probeTypes, buildTypes, type, residual, ctx);
    this.probeKeys = probeKeys.clone();
    this.buildKeys = buildKeys.clone();
    DataType[] keyTypes = new DataType[probeKeys.length];
    asDouble = new boolean[probeKeys.length];
    for (int i = 0; i < probeKeys.length; i++) {
      DataType p = probeTypes[probeKeys[i]];
      DataType b = buildTypes[buildKeys[i]];
      // The planner casts keys to a common type; still, never compare a long with a double
      // bit pattern: compare both as doubles.
      asDouble[i] = p.physical() != b.physical()
          && isNumber(p.physical()) && isNumber(b.physical());
      keyTypes[i] = asDouble[i] ? DataType.DOUBLE : b;
    }
    boolean[] nullSafe = nullSafeKeys == null ? new boolean[probeKeys.length] : nullSafeKeys;
    table = new GroupHashTable(keyTypes, nullSafe, ctx, "building the hash table of a join");
  }

  private static boolean isNumber(PhysicalKind k) {
    return k == PhysicalKind.LONG || k == PhysicalKind.DOUBLE;
  }

  private Column[] keyColumns(Batch b, int[] keys) {
    Column[] cols = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      Column c = b.column(keys[i]);
      cols[i] = asDouble[i] ? toDouble(c) : c;
    }
    return cols;
  }

  private static Column toDouble(Column c) {
    if (c instanceof DoubleColumn) {
      return c;
    }
    long[] v = ((LongColumn) c).values();
    int n = c.size();
    double[] out = new double[n];
    int scale = c.type().kind() == TypeKind.DECIMAL ? c.type().scale() : 0;
    double div = Math.pow(10, scale);
    for (int i = 0; i < n; i++) {
      out[i] = scale == 0 ? v[i] : v[i] / div;
    }
    return new DoubleColumn(DataType.DOUBLE, n, out, c.nulls());
  }

  @Override
  protected void beforeBuild(int rows) {
    reserve(4L * rows, "building the hash table of a join");
    rowGroup = new int[rows];
    table.expectKeys(rows);
  }

  @Override
  protected void onBuildBatch(Batch b, int firstRow) {
    int n = b.rowCount();
    if (rowGroup.length < firstRow + n) {
      int cap = Math.max(firstRow + n, rowGroup.length * 2);
      reserve(4L * (cap - rowGroup.length), "building the hash table of a join");
      rowGroup = java.util.Arrays.copyOf(rowGroup, cap);
    }
    int[] ids = n <= probeGroups.length ? probeGroups : new int[n];
    table.findOrInsert(keyColumns(b, buildKeys), n, ids);
    System.arraycopy(ids, 0, rowGroup, firstRow, n);
    probeGroups = ids;
  }

  @Override
  protected void afterBuild() {
    int rows = buildData.rowCount();
    int groups = table.size();
    reserve(4L * (groups + 1) + 4L * rows, "building the hash table of a join");
    groupStart = new int[groups + 1];
    for (int r = 0; r < rows; r++) {
      int g = rowGroup[r];
      if (g >= 0) {
        groupStart[g + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      groupStart[g + 1] += groupStart[g];
    }
    rowsByGroup = new int[groupStart[groups]];
    int[] fill = java.util.Arrays.copyOf(groupStart, groups);
    for (int r = 0; r < rows; r++) {
      int g = rowGroup[r];
      if (g >= 0) {
        rowsByGroup[fill[g]++] = r;
      }
    }
    rowGroup = null;
    table.spreadForProbing();
  }

  @Override
  protected void startProbe() {
    int n = probeBatch.rowCount();
    if (probeGroups.length < n) {
      probeGroups = new int[n];
    }
    table.find(keyColumns(probeBatch, probeKeys), n, probeGroups);
    cursorRow = 0;
    cursorPos = -1;
  }

  @Override
  protected int nextCandidates(int[] probeRows, int[] buildRows, int cap) {
    int n = probeBatch.rowCount();
    boolean skip = skipMatchedProbeRows();
    boolean one = oneCandidatePerProbeRow();
    int[] groups = probeGroups;
    int c = 0;
    int row = cursorRow;
    int pos = cursorPos;
    while (row < n && c < cap) {
      int g = groups[row];
      if (g < 0 || (skip && probeMatched[row])) {
        row++;
        pos = -1;
        continue;
      }
      int start = groupStart[g];
      if (pos < 0) {
        pos = start;
      }
      int end = one ? start + 1 : groupStart[g + 1];
      while (pos < end && c < cap) {
        probeRows[c] = row;
        buildRows[c] = rowsByGroup[pos++];
        c++;
      }
      if (pos >= end) {
        row++;
        pos = -1;
      }
    }
    cursorRow = row;
    cursorPos = pos;
    return c;
  }

  @Override
  public void close() {
    super.close();
    table.close();
  }
}
