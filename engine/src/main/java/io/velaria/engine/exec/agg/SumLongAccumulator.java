package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import java.util.Arrays;

/**
 * SUM / SUM0 of integers and DECIMALs, exact in a long; overflow of the running sum is error
 * 22003 (checked inline, without Math.addExact's exception in the hot loop). The result is
 * rescaled when the result type's scale differs from the input's.
 */
final class SumLongAccumulator extends Accumulator {
  private final DataType inputType;
  private final DataType resultType;
  private final boolean zeroWhenEmpty;
  private long[] sums = new long[0];
  private boolean[] seen = new boolean[0];

  SumLongAccumulator(DataType inputType, DataType resultType, boolean zeroWhenEmpty) {
    this.inputType = inputType;
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
    long[] v = ((LongColumn) arg).values();
    boolean[] nulls = arg.nulls();
    long[] s = sums;
    boolean[] sn = seen;
    if (sel == null && nulls == null) {
      for (int r = 0; r < n; r++) {
        int g = groups[r];
        long a = s[g];
        long x = v[r];
        long sum = a + x;
        // Overflow iff both operands have the sign the result lacks (Hacker's Delight 2-12).
        if (((a ^ sum) & (x ^ sum)) < 0) {
          throw Decimals.overflow("SUM");
        }
        s[g] = sum;
        sn[g] = true;
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls != null && nulls[r]) {
        continue;
      }
      int g = groups[r];
      long a = s[g];
      long x = v[r];
      long sum = a + x;
      if (((a ^ sum) & (x ^ sum)) < 0) {
        throw Decimals.overflow("SUM");
      }
      s[g] = sum;
      sn[g] = true;
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
    int in = inputType.scale();
    if (resultType.physical() == PhysicalKind.DOUBLE) {
      double[] out = new double[count];
      double div = Decimals.pow10Double(in);
      for (int i = 0; i < count; i++) {
        out[i] = in == 0 ? sums[from + i] : sums[from + i] / div;
      }
      return new DoubleColumn(resultType, count, out, nulls);
    }
    long[] out = Arrays.copyOfRange(sums, from, from + count);
    int to = resultType.scale();
    if (to != in) {
      for (int i = 0; i < count; i++) {
        out[i] = Decimals.rescale(out[i], in, to, "SUM");
      }
    }
    return new LongColumn(resultType, count, out, nulls);
  }

  @Override
  public long bytesPerGroup() {
    return 9;
  }
}
