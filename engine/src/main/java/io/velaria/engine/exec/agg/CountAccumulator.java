package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** COUNT(*) (every row) and COUNT(x) (non-NULL values); never NULL, 0 for empty groups. */
final class CountAccumulator extends Accumulator {
  private final DataType resultType;
  private final boolean star;
  private long[] counts = new long[0];

  CountAccumulator(DataType resultType, boolean star) {
    this.resultType = resultType;
    this.star = star;
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > counts.length) {
      counts = Arrays.copyOf(counts, grow(counts.length, groups));
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    long[] c = counts;
    boolean[] nulls = star ? null : arg.nulls();
    if (sel == null) {
      if (nulls == null) {
        for (int r = 0; r < n; r++) {
          c[groups[r]]++;
        }
      } else {
        for (int r = 0; r < n; r++) {
          if (!nulls[r]) {
            c[groups[r]]++;
          }
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        int r = sel[i];
        if (nulls == null || !nulls[r]) {
          c[groups[r]]++;
        }
      }
    }
  }

  @Override
  public Column result(int from, int count) {
    return new LongColumn(resultType, count, Arrays.copyOfRange(counts, from, from + count), null);
  }

  @Override
  public long bytesPerGroup() {
    return 8;
  }
}
