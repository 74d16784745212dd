package io.velaria.engine.storage;

import io.velaria.engine.catalog.TableDefinition;
import java.util.List;

/** The catalog of an in-memory database: nothing to persist. */
public final class MemoryCatalogStore implements CatalogStore {
  private volatile List<TableDefinition> tables = List.of();

  @Override
  public List<TableDefinition> load() {
    return tables;
  }

  @Override
  public void save(List<TableDefinition> newTables) {
    tables = List.copyOf(newTables);
  }
}
