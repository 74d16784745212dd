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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-key state of a grouped stream query: for every group key, the running value of each
 * partial aggregate (COUNT and SUM add up, MIN and MAX keep the extreme). Micro-batches arrive
 * as partial aggregates of their own rows (computed by the engine), so the state only merges.
 * Kept in the checkpoint, so it survives restarts.
 */
final class KeyedState {
  /** How a partial aggregate merges into the running value. */
  enum Merge { ADD, MIN, MAX }

  private final List<DataType> types;
  private final int keyCount;
  private final Merge[] merges;
  private final Map<List<Object>, Object[]> groups = new LinkedHashMap<>();

  /**
   * @param types the state columns: the group keys, then the partial aggregates
   * @param merges how each partial aggregate merges
   */
  KeyedState(List<DataType> types, int keyCount, Merge[] merges) {
    this.types = List.copyOf(types);
    this.keyCount = keyCount;
    this.merges = merges.clone();
    for (DataType t : types.subList(0, keyCount)) {
      PhysicalKind k = t.physical();
      if (k == PhysicalKind.BYTES || k == PhysicalKind.FLOAT_ARRAY) {
        throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "a stream query cannot group by"
            + " a " + t.sqlName() + " value");
      }
    }
  }

  List<DataType> types() {
    return types;
  }

  int size() {
    return groups.size();
  }

  /**
   * Merges partial rows (keys, then partial aggregates) and returns the current rows of the
   * groups they touched, in the order first touched.
   */
  Batch merge(List<Batch> partials) {
    Map<List<Object>, Object[]> touched = new LinkedHashMap<>();
    for (Batch b : partials) {
      for (int r = 0; r < b.rowCount(); r++) {
        Object[] key = new Object[keyCount];
        for (int k = 0; k < keyCount; k++) {
          key[k] = b.column(k).getObject(r);
        }
        List<Object> id = Arrays.asList(key);
        Object[] acc = groups.computeIfAbsent(id, x -> new Object[merges.length]);
        for (int a = 0; a < merges.length; a++) {
          acc[a] = merge(a, acc[a], b.column(keyCount + a).getObject(r));
        }
        touched.put(id, acc);
      }
    }
    return rows(touched);
  }

  private Object merge(int a, Object current, Object partial) {
    if (partial == null) {
      return current;
    }
    if (current == null) {
      return partial;
    }
    DataType t = types.get(keyCount + a);
    switch (merges[a]) {
      case ADD:
        if (t.physical() == PhysicalKind.DOUBLE) {
          return ((Number) current).doubleValue() + ((Number) partial).doubleValue();
        }
        try {
          return Math.addExact(((Number) current).longValue(), ((Number) partial).longValue());
        } catch (ArithmeticException e) {
          throw new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE,
              "stream aggregate overflows " + t.sqlName());
        }
      case MIN:
        return compare(partial, current) < 0 ? partial : current;
      case MAX:
        return compare(partial, current) > 0 ? partial : current;
      default:
        throw new IllegalStateException();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private Batch rows(Map<List<Object>, Object[]> selected) {
    ColumnBuilder[] builders = new ColumnBuilder[types.size()];
    for (int i = 0; i < builders.length; i++) {
      builders[i] = new ColumnBuilder(types.get(i), Math.max(8, selected.size()));
    }
    for (Map.Entry<List<Object>, Object[]> e : selected.entrySet()) {
      for (int k = 0; k < keyCount; k++) {
        builders[k].appendObject(e.getKey().get(k));
      }
      for (int a = 0; a < merges.length; a++) {
        builders[keyCount + a].appendObject(e.getValue()[a]);
      }
    }
    Column[] cols = new Column[builders.length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = builders[i].build();
    }
    return new Batch(cols, selected.size());
  }

  /** Rows for the checkpoint: each group as its key values followed by its partials. */
  List<List<Object>> toRows() {
    List<List<Object>> out = new ArrayList<>(groups.size());
    for (Map.Entry<List<Object>, Object[]> e : groups.entrySet()) {
      List<Object> row = new ArrayList<>(e.getKey());
      row.addAll(Arrays.asList(e.getValue()));
      out.add(row);
    }
    return out;
  }

  /** Replaces the state with rows from a checkpoint (numbers as JSON parsed them). */
  void restore(List<List<Object>> rows) {
    groups.clear();
    for (List<Object> row : rows) {
      Object[] key = new Object[keyCount];
      Object[] acc = new Object[merges.length];
      for (int i = 0; i < row.size(); i++) {
        Object v = internal(types.get(i), row.get(i));
        if (i < keyCount) {
          key[i] = v;
        } else {
          acc[i - keyCount] = v;
        }
      }
      groups.put(Arrays.asList(key), acc);
    }
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
