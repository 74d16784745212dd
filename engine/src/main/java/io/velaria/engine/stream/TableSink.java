package io.velaria.engine.stream;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.sql.StreamTableWrites;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.stream.spi.StreamSink;
import java.util.List;

/**
 * A sink into a managed table. A micro-batch's rows and the id of its checkpoint are one
 * table commit ({@link TableData#appendForStream}); the stream runtime saves the checkpoint as
 * pending before and promotes it after that commit ({@link StreamRun}), and on recovery promotes
 * it exactly when the table recorded its id. So nothing is ever cut back and other writers of
 * the table are not disturbed. The table's primary key is enforced (23505 fails the stream);
 * tables with triggers are refused, since trigger side effects elsewhere could not be part of
 * the commit.
 */
final class TableSink implements StreamSink {
  private final Database db;
  private final String schema;
  private final String name;
  private final TableData data;

  TableSink(Database db, CatalogEntry entry) {
    TableDefinition def = entry.definition();
    this.db = db;
    this.schema = def.schema();
    this.name = def.name();
    this.data = entry.runtime(TableData.class);
    refuseTriggers(def);
  }

  static void refuseTriggers(TableDefinition def) {
    if (StreamTableWrites.hasTriggers(def)) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "table '" + def.name()
          + "' has triggers and cannot be a stream sink: trigger side effects cannot be"
          + " committed exactly once with the stream's checkpoint; drop the triggers or write"
          + " into a table without them");
    }
  }

  /** The last micro-batch of stream {@code key} that the table committed, or -1. */
  long committed(String key) {
    return data.streamCommit(key);
  }

  /**
   * Appends a micro-batch's rows and records {@code commitId} for stream {@code key} in the same
   * table commit: the commit point of the micro-batch.
   */
  void commit(String key, long commitId, List<Batch> rows) {
    TableDefinition def = current();
    StreamTableWrites.append(def, data, rows, r -> data.appendForStream(r, key, commitId));
  }

  /** The table's definition now, checked to still be the table the stream opened. */
  private TableDefinition current() {
    CatalogEntry now = db.catalog().find(schema, name).orElse(null);
    if (now == null || now.runtime() != data) {
      throw new VelariaException(SqlStates.UNDEFINED_TABLE, "the sink table '" + name
          + "' was dropped while the stream ran");
    }
    refuseTriggers(now.definition());
    return now.definition();
  }

  @Override
  public void recover(long commitId, String committedState) {
    // nothing to undo: a micro-batch's rows are committed together with its checkpoint id
  }

  @Override
  public String prepare(long commitId, List<Batch> rows) {
    // only used for checkpoint 0 and micro-batches without rows: nothing to write
    return "table commit";
  }

  @Override
  public String describe() {
    return "managed table " + name + " (rows and micro-batch id committed in one table commit)";
  }
}
