package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.exec.hash.ColumnStore;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** ANY_VALUE: the first non-NULL value of the group (NULL when there is none). */
final class AnyValueAccumulator extends Accumulator {
  private final ColumnStore store;
  private boolean[] seen = new boolean[0];

  AnyValueAccumulator(DataType type) {
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
    boolean[] nulls = arg.nulls();
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      int g = groups[r];
      if (!seen[g] && (nulls == null || !nulls[r])) {
        store.set(g, r);
        seen[g] = true;
      }
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
