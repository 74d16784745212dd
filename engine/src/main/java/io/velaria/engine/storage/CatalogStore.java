package io.velaria.engine.storage;

import io.velaria.engine.catalog.TableDefinition;
import java.util.List;

/** Persists catalog entries; {@link #save} replaces the whole catalog atomically. */
public interface CatalogStore {
  List<TableDefinition> load();

  void save(List<TableDefinition> tables);
}
