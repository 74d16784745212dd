package io.velaria.engine.catalog;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;

/**
 * A catalog entry together with its runtime side: a {@link io.velaria.engine.spi.ConnectorTable}
 * for external tables, {@link io.velaria.engine.storage.TableData} for managed ones, null for
 * views. If the runtime side could not be opened (a file vanished), {@code openError} says why
 * and queries on the table fail with that message.
 */
public record CatalogEntry(TableDefinition definition, Object runtime, String openError) {
  public <T> T runtime(Class<T> type) {
    if (openError != null) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "table '" + definition.name() + "' cannot be read: " + openError);
    }
    return type.cast(runtime);
  }
}
