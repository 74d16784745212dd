package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** MIN / MAX over LONG-physical values (integers, DECIMAL, dates, times, timestamps). */
final class MinMaxLongAccumulator extends Accumulator {
  private final DataType resultType;
  private final boolean max;
  private long[] values = new long[0];
  private boolean[] seen = new boolean[0];

  MinMaxLongAccumulator(DataType resultType, boolean max) {
    this.resultType = resultType;
    this.max = max;
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > values.length) {
      int c = grow(values.length, groups);
      values = Arrays.copyOf(values, c);
      seen = Arrays.copyOf(seen, c);
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    long[] v = ((LongColumn) arg).values();
    boolean[] nulls = arg.nulls();
    long[] m = values;
    boolean[] sn = seen;
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls != null && nulls[r]) {
        continue;
      }
      int g = groups[r];
      long x = v[r];
      if (!sn[g] || (max ? x > m[g] : x < m[g])) {
        m[g] = x;
        sn[g] = true;
      }
    }
  }

  @Override
  public Column result(int from, int count) {
    return new LongColumn(resultType, count, Arrays.copyOfRange(values, from, from + count),
        Nulls.unseen(seen, from, count));
  }

  @Override
  public long bytesPerGroup() {
    return 9;
  }
}
