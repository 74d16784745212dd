package io.velaria.engine.exec.agg;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** BOOL_AND / BOOL_OR ignoring NULLs; NULL for a group without non-NULL values. */
final class BoolAccumulator extends Accumulator {
  private final DataType resultType;
  private final boolean and;
  private boolean[] values = new boolean[0];
  private boolean[] seen = new boolean[0];

  BoolAccumulator(DataType resultType, boolean and) {
    this.resultType = resultType;
    this.and = and;
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > values.length) {
      int c = grow(values.length, groups);
      int old = values.length;
      values = Arrays.copyOf(values, c);
      seen = Arrays.copyOf(seen, c);
      // AND starts from TRUE, OR from FALSE.
      Arrays.fill(values, old, c, and);
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    boolean[] v = ((BooleanColumn) arg).values();
    boolean[] nulls = arg.nulls();
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      if (nulls == null || !nulls[r]) {
        int g = groups[r];
        values[g] = and ? values[g] & v[r] : values[g] | v[r];
        seen[g] = true;
      }
    }
  }

  @Override
  public Column result(int from, int count) {
    return new BooleanColumn(resultType, count, Arrays.copyOfRange(values, from, from + count),
        Nulls.unseen(seen, from, count));
  }

  @Override
  public long bytesPerGroup() {
    return 2;
  }
}
