package io.velaria.engine.spi.search;

import io.velaria.engine.session.Database;
import java.util.List;
import java.util.Objects;

/**
 * What a search reads: a table of the catalog and the columns searched, with the table's
 * data version (from {@code TableData.version()}; -1 for tables that have none, such as
 * external files) so an index can tell whether it is stale, and the database the table
 * belongs to (where its persistent indexes live; null when unknown, then no persistent index
 * is found).
 */
public record SearchTarget(String schema, String table, List<String> columns, long dataVersion,
    Database database) {
  public SearchTarget {
    Objects.requireNonNull(schema);
    Objects.requireNonNull(table);
    columns = List.copyOf(columns);
  }

  /** A target without its database: only for tests of the ranking itself. */
  public SearchTarget(String schema, String table, List<String> columns, long dataVersion) {
    this(schema, table, columns, dataVersion, null);
  }
}
