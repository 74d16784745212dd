package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import java.util.Arrays;

/** SUM / SUM0 of REAL and DOUBLE: a plain double sum (IEEE overflow gives Infinity). */
final class SumDoubleAccumulator extends Accumulator {
  private final DataType resultType;
  private final boolean zeroWhenEmpty;
  private double[] sums = new double[0];
  private boolean[] seen = new boolean[0];

  SumDoubleAccumulator(DataType resultType, boolean zeroWhenEmpty) {
    this.resultType = resultType;
    this.zeroWhenEmpty = zeroWhenEmpty;
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > sums.length) {
      int c = grow(sums.length, groups);
      sums = Arrays.copyOf(sums, c);
      seen = Arrays.copyOf(seen, c);
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    double[] v = ((DoubleColumn) arg).values();
    boolean[] nulls = arg.nulls();
    double[] s = sums;
    boolean[] sn = seen;
    if (sel == null && nulls == null) {
      for (int r = 0; r < n; r++) {
        int g = groups[r];
        s[g] += v[r];
        sn[g] = true;
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls == null || !nulls[r]) {
        int g = groups[r];
        s[g] += v[r];
        sn[g] = true;
      }
    }
  }

  @Override
  public Column result(int from, int count) {
    boolean[] nulls = null;
    if (!zeroWhenEmpty) {
      for (int i = 0; i < count; i++) {
        if (!seen[from + i]) {
          if (nulls == null) {
            nulls = new boolean[count];
          }
          nulls[i] = true;
        }
      }
    }
    if (resultType.physical() == PhysicalKind.LONG) {
      // Unusual plan shape (e.g. a DECIMAL-typed sum of doubles): round to the result scale.
      long[] out = new long[count];
      double m = Decimals.pow10Double(resultType.scale());
      for (int i = 0; i < count; i++) {
        out[i] = Math.round(sums[from + i] * m);
      }
      return new LongColumn(resultType, count, out, nulls);
    }
    return new DoubleColumn(resultType, count, Arrays.copyOfRange(sums, from, from + count),
        nulls);
  }

  @Override
  public long bytesPerGroup() {
    return 9;
  }
}
