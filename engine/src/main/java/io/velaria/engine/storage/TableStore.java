package io.velaria.engine.storage;

import io.velaria.engine.catalog.ColumnDef;
import java.util.List;

/** Where managed tables keep their rows: memory, or files in the database directory. */
public interface TableStore extends AutoCloseable {
  /** Creates empty storage under {@code storageId} and returns it. */
  TableData create(String storageId, List<ColumnDef> columns);

  /** Opens existing storage (after a restart). */
  TableData open(String storageId, List<ColumnDef> columns);

  void drop(String storageId);

  @Override
  void close();
}
