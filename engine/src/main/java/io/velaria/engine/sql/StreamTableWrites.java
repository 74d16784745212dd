package io.velaria.engine.sql;

import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.column.Batch;
import io.velaria.engine.storage.TableData;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rules of managed tables that a stream writing into one must follow too, for the stream
 * runtime (which lives outside this package): the primary key, and whether triggers exist.
 */
public final class StreamTableWrites {
  private StreamTableWrites() {}

  /** Whether the table has triggers (a stream sink refuses such tables). */
  public static boolean hasTriggers(TableDefinition table) {
    return Triggers.any(table);
  }

  /**
   * Commits {@code rows} into {@code data} with {@code commit}, first failing with 23505 (and
   * committing nothing) when a row repeats a primary key of the table or of another row.
   */
  public static void append(TableDefinition table, TableData data, List<Batch> rows,
      Consumer<List<Batch>> commit) {
    PrimaryKey key = PrimaryKey.of(table);
    if (key == null) {
      commit.accept(rows);
    } else {
      key.insert(data, rows, commit);
    }
  }
}
