package io.velaria.engine.stream;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.sql.calcite.SystemTable;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The streams of one database: background streams by name, the progress of every stream run,
 * in-memory checkpoints, and the system table {@code velaria.streams} that shows them.
 */
public final class StreamManager implements SystemTable {
  private static final Map<Database, StreamManager> MANAGERS = new WeakHashMap<>();

  private static final List<ColumnDef> COLUMNS = List.of(
      ColumnDef.of("query_id", DataType.VARCHAR), ColumnDef.of("name", DataType.VARCHAR),
      ColumnDef.of("status", DataType.VARCHAR), ColumnDef.of("batches_pulled", DataType.BIGINT),
      ColumnDef.of("batches_processed", DataType.BIGINT),
      ColumnDef.of("rows_in", DataType.BIGINT), ColumnDef.of("rows_out", DataType.BIGINT),
      ColumnDef.of("rows_skipped", DataType.BIGINT),
      ColumnDef.of("last_batch_latency_ms", DataType.BIGINT),
      ColumnDef.of("last_sink_latency_ms", DataType.BIGINT),
      ColumnDef.of("last_source_offset", DataType.VARCHAR),
      ColumnDef.of("backlog", DataType.BIGINT), ColumnDef.of("has_window", DataType.BOOLEAN),
      ColumnDef.of("has_stateful_ops", DataType.BOOLEAN),
      ColumnDef.of("source_is_bounded", DataType.BOOLEAN),
      ColumnDef.of("checkpoint_delivery_mode", DataType.VARCHAR),
      ColumnDef.of("checkpoint_id", DataType.BIGINT),
      ColumnDef.of("error_message", DataType.VARCHAR),
      ColumnDef.of("progress_json", DataType.VARCHAR));

  private final Map<String, StreamProgress> progress = new LinkedHashMap<>();
  private final Map<String, BackgroundStream> running = new LinkedHashMap<>();
  private final Set<String> busyCheckpoints = new HashSet<>();
  private final Map<String, CheckpointStore> memoryCheckpoints = new LinkedHashMap<>();

  /** Keeps no reference to its database: the registry's keys are weak. */
  private StreamManager() {}

  /** Registers {@code velaria.streams} for a database being opened. */
  public static void attach(Database db) {
    StreamManager m = of(db);
    db.catalog().registerSystemTable(new TableDefinition(Catalog.SYSTEM_SCHEMA, "streams",
        TableKind.SYSTEM, COLUMNS, null, Map.of(), null, null), m);
  }

  static StreamManager of(Database db) {
    synchronized (MANAGERS) {
      return MANAGERS.computeIfAbsent(db, d -> new StreamManager());
    }
  }

  synchronized CheckpointStore checkpoints(Path directory, String key) {
    if (directory != null) {
      return new CheckpointStore(directory, key);
    }
    return memoryCheckpoints.computeIfAbsent(key, k -> new CheckpointStore(null, key));
  }

  /** Claims a checkpoint for one run at a time; false when another run holds it. */
  synchronized boolean claim(String key) {
    return busyCheckpoints.add(key);
  }

  synchronized void release(String key) {
    busyCheckpoints.remove(key);
  }

  synchronized void track(String name, StreamProgress p) {
    progress.put(name.toLowerCase(Locale.ROOT), p);
  }

  synchronized BackgroundStream running(String name) {
    BackgroundStream b = running.get(name.toLowerCase(Locale.ROOT));
    return b != null && b.isAlive() ? b : null;
  }

  /** The name of a running background stream whose source or sink is {@code identity}. */
  synchronized String runningOn(String identity) {
    for (BackgroundStream b : running.values()) {
      if (b.isAlive() && StreamCheckpoints.mentions(b.tables(), identity)) {
        return b.name();
      }
    }
    return null;
  }

  /** Forgets the in-memory checkpoints of streams whose source or sink is {@code identity}. */
  synchronized void forgetCheckpoints(String identity) {
    memoryCheckpoints.values().removeIf(store -> {
      Checkpoint c = store.load();
      Checkpoint p = store.loadPending();
      return c != null && StreamCheckpoints.mentions(c.tables(), identity)
          || p != null && StreamCheckpoints.mentions(p.tables(), identity);
    });
  }

  synchronized void started(String name, BackgroundStream b) {
    running.put(name.toLowerCase(Locale.ROOT), b);
  }

  synchronized BackgroundStream removeRunning(String name) {
    return running.remove(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public List<Batch> rows() {
    List<StreamProgress> all;
    synchronized (this) {
      all = new ArrayList<>(progress.values());
    }
    ColumnBuilder[] b = new ColumnBuilder[COLUMNS.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = new ColumnBuilder(COLUMNS.get(i).type());
    }
    for (StreamProgress p : all) {
      Map<String, Object> f = p.fields();
      int i = 0;
      for (Object v : f.values()) {
        b[i++].appendObject(v);
      }
      b[i].appendString(p.json());
    }
    Column[] cols = new Column[b.length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = b[i].build();
    }
    return List.of(new Batch(cols, all.size()));
  }

  static VelariaException noSuchStream(String name) {
    return new VelariaException("42704", "stream '" + name + "' is not running");
  }

  static VelariaException alreadyRunning(String name) {
    return new VelariaException(SqlStates.DUPLICATE_TABLE, "stream '" + name
        + "' is already running; STOP STREAM " + name + " first");
  }
}
