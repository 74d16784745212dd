package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.hash.ColumnStore;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * SINGLE_VALUE of a scalar subquery: the value of the group's only row (which may be NULL),
 * NULL for no rows, error 21000 for a second row.
 */
final class SingleValueAccumulator extends Accumulator {
  private final ColumnStore store;
  private boolean[] seen = new boolean[0];

  SingleValueAccumulator(DataType type) {
    this.store = ColumnStore.create(type);
  }

  @Override
  public void ensureGroups(int groups) {
    if (groups > seen.length) {
      seen = Arrays.copyOf(seen, store.ensureCapacity(groups));
    }
  }

  @Override
  public void add(int[] groups, Column arg, int[] sel, int n) {
    store.bind(arg);
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      int g = groups[r];
      if (seen[g]) {
        throw new VelariaException(SqlStates.CARDINALITY_VIOLATION,
            "more than one row returned by a subquery used as an expression");
      }
      store.set(g, r);
      seen[g] = true;
    }
  }

  @Override
  public Column result(int from, int count) {
    for (int i = 0; i < count; i++) {
      if (!seen[from + i]) {
        store.setNull(from + i);
      }
    }
    return store.build(from, count);
  }

  @Override
  public long bytesPerGroup() {
    return store.bytesPerEntry() + 1;
  }
}
