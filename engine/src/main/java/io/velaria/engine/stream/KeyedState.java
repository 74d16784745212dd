package io.velaria.engine.stream;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-key state of a grouped stream query: for every group key, the running value of each
 * partial aggregate (COUNT and SUM add up, MIN and MAX keep the extreme). Micro-batches arrive
 * as partial aggregates of their own rows (computed by the engine), so the state only merges.
 * Kept in the checkpoint, so it survives restarts.
 *
 * <p>Columnar: every state column (keys, then partials) is one {@link StateColumn} indexed by
 * group number (primitive arrays for numbers), and an open-addressing hash table maps a key to
 * its group number. A merge finds the group of each partial row, then merges each partial
 * column over all rows in one loop, without boxing.
 */
final class KeyedState {
  /** How a partial aggregate merges into the running value. */
  enum Merge { ADD, MIN, MAX }

  private static final int EMPTY = -1;

  private final List<DataType> types;
  private final int keyCount;
  private final Merge[] merges;
  private final StateColumn[] columns;
  /** Groups in the order first seen; groupHash[g] is group g's key hash. */
  private int size;
  private int[] groupHash = new int[16];
  /** Open addressing, linear probing: group numbers, EMPTY for a free slot. */
  private int[] slots = newSlots(32);
  /** The merge that last touched each group, to list touched groups once. */
  private int[] touchedIn = new int[16];
  private int merge;

  /**
   * @param types the state columns: the group keys, then the partial aggregates
   * @param merges how each partial aggregate merges
   */
  KeyedState(List<DataType> types, int keyCount, Merge[] merges) {
    this.types = List.copyOf(types);
    this.keyCount = keyCount;
    this.merges = merges.clone();
    this.columns = new StateColumn[types.size()];
    for (int i = 0; i < columns.length; i++) {
      DataType t = types.get(i);
      PhysicalKind k = t.physical();
      if (i < keyCount && (k == PhysicalKind.BYTES || k == PhysicalKind.FLOAT_ARRAY)) {
        throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "a stream query cannot group by"
            + " a " + t.sqlName() + " value");
      }
      columns[i] = StateColumn.of(t);
    }
  }

  List<DataType> types() {
    return types;
  }

  int size() {
    return size;
  }

  /**
   * Merges partial rows (keys, then partial aggregates) and returns the current rows of the
   * groups they touched, in the order first touched.
   */
  Batch merge(List<Batch> partials) {
    merge++;
    int[] touched = new int[16];
    int touchedCount = 0;
    for (Batch b : partials) {
      int n = b.rowCount();
      int[] groups = new int[n];
      Column[] keys = new Column[keyCount];
      for (int k = 0; k < keyCount; k++) {
        keys[k] = b.column(k);
      }
      for (int r = 0; r < n; r++) {
        int g = findOrAdd(keys, r);
        groups[r] = g;
        if (touchedIn[g] != merge) {
          touchedIn[g] = merge;
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = g;
        }
      }
      for (int a = 0; a < merges.length; a++) {
        columns[keyCount + a].merge(merges[a], b.column(keyCount + a), groups, n);
      }
    }
    Column[] out = new Column[columns.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = columns[i].gather(touched, touchedCount);
    }
    return new Batch(out, touchedCount);
  }

  private int findOrAdd(Column[] keys, int row) {
    int h = 1;
    for (int k = 0; k < keyCount; k++) {
      h = 31 * h + columns[k].hash(keys[k], row);
    }
    h ^= h >>> 16;
    int mask = slots.length - 1;
    for (int s = slot(h, mask); ; s = s + 1 & mask) {
      int g = slots[s];
      if (g == EMPTY) {
        g = add(keys, row, h);
        slots[s] = g;
        if (size * 2 > slots.length) {
          rehash();
        }
        return g;
      }
      if (groupHash[g] == h && sameKey(g, keys, row)) {
        return g;
      }
    }
  }

  private boolean sameKey(int g, Column[] keys, int row) {
    for (int k = 0; k < keyCount; k++) {
      if (!columns[k].same(g, keys[k], row)) {
        return false;
      }
    }
    return true;
  }

  private int add(Column[] keys, int row, int h) {
    int g = size++;
    if (g == groupHash.length) {
      groupHash = Arrays.copyOf(groupHash, g * 2);
      touchedIn = Arrays.copyOf(touchedIn, g * 2);
    }
    groupHash[g] = h;
    for (int k = 0; k < keyCount; k++) {
      columns[k].addFrom(keys[k], row);
    }
    for (int a = keyCount; a < columns.length; a++) {
      columns[a].addNull();
    }
    return g;
  }

  private void rehash() {
    slots = newSlots(slots.length * 2);
    int mask = slots.length - 1;
    for (int g = 0; g < size; g++) {
      int s = slot(groupHash[g], mask);
      while (slots[s] != EMPTY) {
        s = s + 1 & mask;
      }
      slots[s] = g;
    }
  }

  /** A slot from the key hash: the multiply spreads it, the shift brings high bits down. */
  private static int slot(int h, int mask) {
    int x = h * 0x9E3779B9;
    return (x ^ x >>> 15) & mask;
  }

  private static int[] newSlots(int n) {
    int[] s = new int[n];
    Arrays.fill(s, EMPTY);
    return s;
  }

  /** Rows for the checkpoint: each group as its key values followed by its partials. */
  List<List<Object>> toRows() {
    List<List<Object>> out = new ArrayList<>(size);
    for (int g = 0; g < size; g++) {
      Object[] row = new Object[columns.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = columns[i].get(g);
      }
      out.add(Arrays.asList(row));
    }
    return out;
  }

  /** Replaces the state with rows from a checkpoint (numbers as JSON parsed them). */
  void restore(List<List<Object>> rows) {
    size = 0;
    slots = newSlots(32);
    for (int i = 0; i < columns.length; i++) {
      columns[i] = StateColumn.of(types.get(i));
    }
    if (rows.isEmpty()) {
      return;
    }
    ColumnBuilder[] builders = new ColumnBuilder[columns.length];
    for (int i = 0; i < builders.length; i++) {
      builders[i] = new ColumnBuilder(types.get(i), rows.size());
    }
    for (List<Object> row : rows) {
      for (int i = 0; i < builders.length; i++) {
        builders[i].appendObject(internal(types.get(i), row.get(i)));
      }
    }
    Column[] cols = new Column[builders.length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = builders[i].build();
    }
    merge(List.of(new Batch(cols, rows.size()))); // distinct keys: every group is new
  }

  private static Object internal(DataType t, Object v) {
    if (v == null) {
      return null;
    }
    switch (t.physical()) {
      case LONG: return ((Number) v).longValue();
      case DOUBLE: return ((Number) v).doubleValue();
      case BOOLEAN: return (Boolean) v;
      default: return v.toString();
    }
  }
}
