package io.velaria.engine.sql;

import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.ArrayList;
import io.velaria.engine.storage.TableData;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The primary key of a managed table: uniqueness on INSERT and UPDATE, and the key that
 * INSERT OR REPLACE / REPLACE INTO match on. The key columns are kept in the table's options
 * under {@link #OPTION} (managed tables have no connector options), so the catalog file
 * format does not change.
 */
final class PrimaryKey {
  static final String OPTION = "primary_key";

  private final TableDefinition table;
  private final int[] columns;

  private PrimaryKey(TableDefinition table, int[] columns) {
    this.table = table;
    this.columns = columns;
  }

  /** The key of a table, or null when it has none. */
  static PrimaryKey of(TableDefinition table) {
    String spec = table.options().get(OPTION);
    if (spec == null || spec.isBlank()) {
      return null;
    }
    String[] names = spec.split(",");
    int[] cols = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      cols[i] = table.columnIndex(names[i].trim());
    }
    return new PrimaryKey(table, cols);
  }

  /** The option value recording key columns, or an empty map without a key. */
  static Map<String, String> option(List<String> keyColumns) {
    return keyColumns.isEmpty() ? Map.of() : Map.of(OPTION, String.join(",", keyColumns));
  }

  /** A row's key: the value itself for one column, a list for several (never null values). */
  private Object key(Batch b, int row) {
    if (columns.length == 1) {
      return b.column(columns[0]).getObject(row);
    }
    Object[] parts = new Object[columns.length];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = b.column(columns[i]).getObject(row);
    }
    return Arrays.asList(parts);
  }

  /** Fails with 23505 when two rows of {@code rows} share a key. */
  void checkUnique(List<Batch> rows) {
    Set<Object> seen = new HashSet<>();
    for (Batch b : rows) {
      for (int r = 0; r < b.rowCount(); r++) {
        Object k = key(b, r);
        if (!seen.add(k)) {
          throw duplicate(k);
        }
      }
    }
  }

  /**
   * Appends {@code added} to {@code data}, failing with 23505 (and appending nothing) when a
   * new row repeats a key of the table or of another new row. The table's keys are cached per
   * data version, so a run of single-row INSERTs does not rescan the table each time.
   */
  void insert(TableData data, List<Batch> added) {
    insert(data, added, data::append);
  }

  /** As {@link #insert(TableData, List)}, committing the rows with {@code append}. */
  void insert(TableData data, List<Batch> added,
      java.util.function.Consumer<List<Batch>> append) {
    synchronized (data) {
      KeySet cached = KEYS.get(data);
      Set<Object> keys;
      if (cached != null && cached.version() == data.version()) {
        keys = cached.keys();
      } else {
        keys = new HashSet<>();
        for (Batch b : data.snapshot()) {
          for (int r = 0; r < b.rowCount(); r++) {
            keys.add(key(b, r));
          }
        }
      }
      Set<Object> fresh = new HashSet<>();
      for (Batch b : added) {
        for (int r = 0; r < b.rowCount(); r++) {
          Object k = key(b, r);
          if (keys.contains(k) || !fresh.add(k)) {
            throw duplicate(k);
          }
        }
      }
      append.accept(added);
      keys.addAll(fresh);
      KEYS.put(data, new KeySet(data.version(), keys));
    }
  }

  /** Upsert: replaces the rows whose key a new row has, appends the others, in one commit. */
  void replace(TableData data, List<Batch> added) {
    synchronized (data) {
      data.replaceAll(replace(data.snapshot(), added));
    }
  }

  private record KeySet(long version, Set<Object> keys) { }

  /** Keys of tables recently inserted into; weak, so dropped tables leave nothing behind. */
  private static final Map<TableData, KeySet> KEYS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The table's content after an upsert: existing rows whose key no new row has, then the new
   * rows; of new rows sharing a key the last wins (each row replaces what came before it).
   */
  private List<Batch> replace(List<Batch> existing, List<Batch> added) {
    Map<Object, int[]> lastNew = new HashMap<>();
    for (int bi = 0; bi < added.size(); bi++) {
      Batch b = added.get(bi);
      for (int r = 0; r < b.rowCount(); r++) {
        lastNew.put(key(b, r), new int[] {bi, r});
      }
    }
    List<Batch> out = new ArrayList<>();
    for (Batch b : existing) {
      out.add(keep(b, (bi, r) -> !lastNew.containsKey(key(b, r)), -1));
    }
    for (int bi = 0; bi < added.size(); bi++) {
      Batch b = added.get(bi);
      int batchIndex = bi;
      out.add(keep(b, (x, r) -> {
        int[] last = lastNew.get(key(b, r));
        return last[0] == batchIndex && last[1] == r;
      }, bi));
    }
    out.removeIf(b -> b.rowCount() == 0);
    return out;
  }

  private interface RowFilter {
    boolean keep(int batchIndex, int row);
  }

  private static Batch keep(Batch b, RowFilter filter, int batchIndex) {
    int[] positions = new int[b.rowCount()];
    int n = 0;
    for (int r = 0; r < b.rowCount(); r++) {
      if (filter.keep(batchIndex, r)) {
        positions[n++] = r;
      }
    }
    if (n == b.rowCount()) {
      return b;
    }
    var cols = new io.velaria.engine.column.Column[b.columnCount()];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = b.column(c).select(positions, n);
    }
    return new Batch(cols, n);
  }

  private VelariaException duplicate(Object key) {
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(table.columns().get(c).name());
    }
    return new VelariaException(SqlStates.UNIQUE_VIOLATION, "duplicate key ("
        + String.join(", ", names) + ")=(" + (key instanceof List
            ? String.join(", ", ((List<?>) key).stream().map(String::valueOf).toList())
            : String.valueOf(key))
        + ") violates the primary key of table '" + table.name() + "'");
  }
}
