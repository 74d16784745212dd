package io.velaria.engine.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entry as it is persisted: what was declared by DDL. Immutable.
 *
 * @param schema schema name ("main" for user tables)
 * @param name table name as declared (lookups ignore case)
 * @param kind what the entry is
 * @param columns declared or inferred columns (for views, the query's columns)
 * @param format connector name for EXTERNAL/SOURCE/SINK tables, else null
 * @param options connector options with lower-case keys, values as declared
 * @param viewSql the query text of a view, else null
 * @param storageId the directory/key of a managed table's data, else null
 */
public record TableDefinition(
    String schema,
    String name,
    TableKind kind,
    List<ColumnDef> columns,
    String format,
    Map<String, String> options,
    String viewSql,
    String storageId) {
  public TableDefinition {
    Objects.requireNonNull(schema);
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    columns = List.copyOf(columns);
    options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(options));
  }

  public TableDefinition withColumns(List<ColumnDef> newColumns) {
    return new TableDefinition(schema, name, kind, newColumns, format, options, viewSql, storageId);
  }

  public TableDefinition withOptions(Map<String, String> newOptions) {
    return new TableDefinition(schema, name, kind, columns, format, newOptions, viewSql, storageId);
  }

  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(columnName)) {
        return i;
      }
    }
    return -1;
  }
}
