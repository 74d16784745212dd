package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.exec.hash.ColumnStore;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * MIN / MAX over strings (String.compareTo), booleans (false &lt; true) and byte strings
 * (unsigned), kept in a typed {@link ColumnStore}.
 */
final class MinMaxStoreAccumulator extends Accumulator {
  private final ColumnStore store;
  private final boolean max;
  private boolean[] seen = new boolean[0];

  MinMaxStoreAccumulator(DataType type, boolean max) {
    this.store = ColumnStore.create(type);
    this.max = max;
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
      if (nulls != null && nulls[r]) {
        continue;
      }
      int g = groups[r];
      if (!seen[g]) {
        store.set(g, r);
        seen[g] = true;
      } else {
        int c = store.compareRow(g, r);
        if (max ? c < 0 : c > 0) {
          store.set(g, r);
        }
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
