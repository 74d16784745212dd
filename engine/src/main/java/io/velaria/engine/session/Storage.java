package io.velaria.engine.session;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.storage.CatalogStore;
import io.velaria.engine.storage.DatabaseLock;
import io.velaria.engine.storage.DirectoryTableStore;
import io.velaria.engine.storage.FileCatalogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The persistent parts of a database directory: its lock, catalog and table store. */
record Storage(DatabaseLock lock, CatalogStore catalog, DirectoryTableStore tables) {
  static Storage openDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot create database directory " + dir + ": " + e.getMessage(), e);
    }
    DatabaseLock lock = DatabaseLock.acquire(dir);
    try {
      return new Storage(lock, new FileCatalogStore(dir),
          new DirectoryTableStore(dir.resolve("tables")));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }
}
