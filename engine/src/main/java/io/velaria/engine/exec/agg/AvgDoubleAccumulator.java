package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** AVG of REAL and DOUBLE: double sum / count; converted when the result type is exact. */
final class AvgDoubleAccumulator extends Accumulator {
  private final DataType resultType;
  private double[] sums = new double[0];
  private long[] counts = new long[0];

  AvgDoubleAccumulator(DataType resultType) {
    this.resultType = resultType;
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > sums.length) {
      int c = grow(sums.length, groups);
      sums = Arrays.copyOf(sums, c);
      counts = Arrays.copyOf(counts, c);
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    double[] v = ((DoubleColumn) arg).values();
    boolean[] nulls = arg.nulls();
    double[] s = sums;
    long[] c = counts;
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls == null || !nulls[r]) {
        int g = groups[r];
        s[g] += v[r];
        c[g]++;
      }
    }
  }

  @Override
  public Column result(int from, int count) {
    boolean[] nulls = null;
    double[] avg = new double[count];
    for (int i = 0; i < count; i++) {
      int g = from + i;
      if (counts[g] == 0) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      } else {
        avg[i] = sums[g] / counts[g];
      }
    }
    if (resultType.physical() == PhysicalKind.DOUBLE) {
      return new DoubleColumn(resultType, count, avg, nulls);
    }
    boolean decimal = resultType.kind() == TypeKind.DECIMAL;
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      if (nulls == null || !nulls[i]) {
        if (Double.isNaN(avg[i]) || Double.isInfinite(avg[i])) {
          throw Decimals.overflow("AVG");
        }
        out[i] = Decimals.toUnscaled(BigDecimal.valueOf(avg[i]), decimal ? resultType.scale() : 0,
            decimal ? RoundingMode.HALF_UP : RoundingMode.DOWN, "AVG");
      }
    }
    return new LongColumn(resultType, count, out, nulls);
  }

  @Override
  public long bytesPerGroup() {
    return 16;
  }
}
