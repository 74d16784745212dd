package io.velaria.engine.spi.search;

import java.util.List;
import java.util.Objects;

/**
 * What a search reads: a table of the catalog and the columns searched, with the table's
 * data version (from {@code TableData.version()}; -1 for tables that have none, such as
 * external files) so an index can tell whether it is stale.
 */
public record SearchTarget(String schema, String table, List<String> columns, long dataVersion) {
  public SearchTarget {
    Objects.requireNonNull(schema);
    Objects.requireNonNull(table);
    columns = List.copyOf(columns);
  }
}
