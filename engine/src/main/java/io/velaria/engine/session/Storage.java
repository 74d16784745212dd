package io.velaria.engine.session;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.storage.CatalogStore;
import io.velaria.engine.storage.TableStore;
import java.nio.file.Path;

/** The persistent parts of a database directory: its lock, catalog and table store. */
record Storage(AutoCloseable lock, CatalogStore catalog, TableStore tables) {
  static Storage openDirectory(Path dir) {
    throw new VelariaException(SqlStates.IO_ERROR,
        "persistent databases are not available in this build: " + dir);
  }
}
