package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * MIN / MAX over doubles, ordered like ORDER BY: NaN is greater than every number (as in
 * PostgreSQL), and -0.0 and 0.0 are equal (the first one seen is kept).
 */
final class MinMaxDoubleAccumulator extends Accumulator {
  private final DataType resultType;
  private final boolean max;
  private double[] values = new double[0];
  private boolean[] seen = new boolean[0];

  MinMaxDoubleAccumulator(DataType resultType, boolean max) {
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
    double[] v = ((DoubleColumn) arg).values();
    boolean[] nulls = arg.nulls();
    double[] m = values;
    boolean[] sn = seen;
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls != null && nulls[r]) {
        continue;
      }
      int g = groups[r];
      double x = v[r];
      if (!sn[g]) {
        m[g] = x;
        sn[g] = true;
      } else if (x != m[g]) {
        int c = Double.compare(x, m[g]);
        if (max ? c > 0 : c < 0) {
          m[g] = x;
        }
      }
    }
  }

  @Override
  public Column result(int from, int count) {
    return new DoubleColumn(resultType, count, Arrays.copyOfRange(values, from, from + count),
        Nulls.unseen(seen, from, count));
  }

  @Override
  public long bytesPerGroup() {
    return 9;
  }
}
