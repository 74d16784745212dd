package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.hash.GroupHashTable;
import io.velaria.engine.type.DataType;

/**
 * For a DISTINCT aggregate: remembers every (group, value) pair seen and passes on only the
 * rows that bring a new non-NULL value to their group. Ids of a {@link GroupHashTable} are
 * dense and given in row order, so a row is new exactly when its id is the next unused one.
 */
public final class DistinctFilter implements AutoCloseable {
  private final GroupHashTable seen;
  private int[] rows = new int[0];
  private long[] groupIds = new long[0];
  private int[] ids = new int[0];
  private int[] out = new int[0];
  private int count;

  public DistinctFilter(DataType argType, ExecContext ctx) {
    this.seen = GroupHashTable.forGrouping(new DataType[] {DataType.BIGINT, argType}, ctx,
        "computing a DISTINCT aggregate");
  }

  /**
   * Selects the rows among {@code sel[0..n)} (or {@code 0..n}) that are new; returns the
   * selection, valid until the next call, with {@link #count()} entries.
   */
  public int[] filter(int[] groups, Column arg, int[] sel, int n) {
    if (rows.length < n) {
      rows = new int[n];
      groupIds = new long[n];
      ids = new int[n];
      out = new int[n];
    }
    boolean[] nulls = arg.nulls();
    int m = 0;
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls == null || !nulls[r]) {
        rows[m] = r;
        groupIds[m] = groups[r];
        m++;
      }
    }
    Column[] key = {new LongColumn(DataType.BIGINT, m, groupIds, null), arg.select(rows, m)};
    int next = seen.size();
    seen.findOrInsert(key, m, ids);
    count = 0;
    for (int i = 0; i < m; i++) {
      if (ids[i] == next) {
        out[count++] = rows[i];
        next++;
      }
    }
    return out;
  }

  public int count() {
    return count;
  }

  @Override
  public void close() {
    seen.close();
  }
}
