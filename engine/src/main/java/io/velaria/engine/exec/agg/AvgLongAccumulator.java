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

/**
 * AVG of integers and DECIMALs. The sum is exact in 128 bits ({@code hi * 2^64 + lo}): AVG
 * must not fail where the average itself is representable. The result is a DOUBLE (sum / count
 * / 10^scale), or a DECIMAL of the result scale rounded half up, or an integer truncated.
 */
final class AvgLongAccumulator extends Accumulator {
  private final int inScale;
  private final DataType resultType;
  private long[] lo = new long[0];
  private long[] hi = new long[0];
  private long[] counts = new long[0];

  AvgLongAccumulator(DataType inputType, DataType resultType) {
    this.inScale = inputType.scale();
    this.resultType = resultType;
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > lo.length) {
      int c = grow(lo.length, groups);
      lo = Arrays.copyOf(lo, c);
      hi = Arrays.copyOf(hi, c);
      counts = Arrays.copyOf(counts, c);
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    long[] v = ((LongColumn) arg).values();
    boolean[] nulls = arg.nulls();
    long[] l = lo;
    long[] h = hi;
    long[] c = counts;
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls != null && nulls[r]) {
        continue;
      }
      int g = groups[r];
      long a = l[g];
      long x = v[r];
      long sum = a + x;
      if (((a ^ sum) & (x ^ sum)) < 0) {
        // The low word wrapped: carry into the high word.
        h[g] += x < 0 ? -1 : 1;
      }
      l[g] = sum;
      c[g]++;
    }
  }

  @Override
  public Column result(int from, int count) {
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      if (counts[from + i] == 0) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      }
    }
    if (resultType.physical() == PhysicalKind.DOUBLE) {
      double[] out = new double[count];
      double div = Decimals.pow10Double(inScale);
      for (int i = 0; i < count; i++) {
        int g = from + i;
        if (counts[g] != 0) {
          double sum = hi[g] == 0 ? lo[g] : Decimals.wide(hi[g], lo[g]).doubleValue();
          out[i] = sum / counts[g] / div;
        }
      }
      return new DoubleColumn(resultType, count, out, nulls);
    }
    boolean decimal = resultType.kind() == TypeKind.DECIMAL;
    int to = decimal ? resultType.scale() : 0;
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      int g = from + i;
      if (counts[g] != 0) {
        out[i] = average(g, to, decimal);
      }
    }
    return new LongColumn(resultType, count, out, nulls);
  }

  private long average(int g, int to, boolean halfUp) {
    if (hi[g] == 0) {
      try {
        long num = lo[g];
        long den = counts[g];
        if (to >= inScale) {
          num = Math.multiplyExact(num, Decimals.pow10(to - inScale));
        } else {
          den = Math.multiplyExact(den, Decimals.pow10(inScale - to));
        }
        return halfUp ? Decimals.divideHalfUp(num, den) : num / den;
      } catch (ArithmeticException e) {
        // fall through to the exact slow path
      }
    }
    BigDecimal sum = new BigDecimal(Decimals.wide(hi[g], lo[g]), inScale);
    BigDecimal avg = sum.divide(BigDecimal.valueOf(counts[g]), to,
        halfUp ? RoundingMode.HALF_UP : RoundingMode.DOWN);
    return Decimals.toUnscaled(avg, to, RoundingMode.UNNECESSARY, "AVG");
  }

  @Override
  public long bytesPerGroup() {
    return 24;
  }
}
