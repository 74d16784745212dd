package io.velaria.engine.spi;

import io.velaria.engine.catalog.ColumnDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a connector gets to open a table.
 *
 * @param tableName the table's name, for messages
 * @param declaredColumns the column list from DDL; empty when the schema is to be inferred
 * @param options OPTIONS with lower-case keys, values as text
 * @param workingDirectory where relative paths resolve
 */
public record TableSpec(
    String tableName, List<ColumnDef> declaredColumns, Map<String, String> options,
    Path workingDirectory) {
  public TableSpec {
    declaredColumns = List.copyOf(declaredColumns);
    options = Map.copyOf(options);
  }

  public String option(String key) {
    return options.get(key);
  }

  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }
}
