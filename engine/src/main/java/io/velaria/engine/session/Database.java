package io.velaria.engine.session;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.storage.CatalogStore;
import io.velaria.engine.storage.MemoryCatalogStore;
import io.velaria.engine.storage.MemoryTableStore;
import io.velaria.engine.storage.TableStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open database: its catalog, managed-table storage, connectors and worker threads.
 * Named in-memory databases and database directories are shared by every connection in the
 * JVM that opens them, and closed when the last one closes.
 */
public final class Database implements AutoCloseable {
  private static final Map<String, Database> SHARED = new HashMap<>();

  static {
    io.velaria.engine.sql.calcite.CalciteSettings.apply();
  }

  private final DatabaseConfig config;
  private final String sharedKey;
  private final TableStore tableStore;
  private final Catalog catalog;
  private final Map<String, Connector> connectors = new HashMap<>();
  /** Plain (compatibility) indexes: lower-case index name to table name. */
  private final Map<String, String> indexes = new java.util.concurrent.ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final DataRoots dataRoots;
  private final AutoCloseable lock;
  private int references;
  private volatile boolean closed;

  private Database(DatabaseConfig config, String sharedKey) {
    this.config = config;
    this.sharedKey = sharedKey;
    this.dataRoots = new DataRoots(config.dataRoots());
    for (Connector c : ServiceLoader.load(Connector.class, Database.class.getClassLoader())) {
      connectors.put(c.name().toLowerCase(Locale.ROOT), c);
    }
    CatalogStore catalogStore;
    if (config.isPersistent()) {
      Storage persistent = Storage.openDirectory(config.directory());
      this.lock = persistent.lock();
      this.tableStore = persistent.tables();
      catalogStore = persistent.catalog();
    } else {
      this.lock = null;
      this.tableStore = new MemoryTableStore();
      catalogStore = new MemoryCatalogStore();
    }
    this.catalog = new Catalog(catalogStore, this::openRuntime);
    this.catalog.load();
    io.velaria.engine.stream.StreamManager.attach(this);
    if (tableStore instanceof io.velaria.engine.storage.DirectoryTableStore) {
      // tables whose CREATE or DROP was interrupted have data but no catalog entry
      java.util.List<String> live = new java.util.ArrayList<>();
      for (var e : catalog.entries()) {
        if (e.definition().storageId() != null) {
          live.add(e.definition().storageId());
        }
      }
      ((io.velaria.engine.storage.DirectoryTableStore) tableStore).deleteTablesOtherThan(live);
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "velaria-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.workers = Executors.newCachedThreadPool(tf);
  }

  /** Opens (or joins) the database a config names. */
  public static Database open(DatabaseConfig config) {
    String key = config.isPersistent() ? "dir:" + config.directory()
        : config.memoryName() != null ? "mem:" + config.memoryName() : null;
    synchronized (SHARED) {
      Database db = key == null ? null : SHARED.get(key);
      if (db == null) {
        db = new Database(config, key);
        if (key != null) {
          SHARED.put(key, db);
        }
      }
      db.references++;
      return db;
    }
  }

  /** Opens the runtime side of a catalog entry. */
  private Object openRuntime(TableDefinition def) {
    switch (def.kind()) {
      case MANAGED:
        return tableStore.open(def.storageId(), def.columns());
      case SOURCE:
      case SINK:
        return io.velaria.engine.stream.StreamTables.open(this, def);
      case EXTERNAL:
        return connector(def.format()).open(tableSpec(def.name(), def.columns(), def.options()));
      default:
        return null;
    }
  }

  /**
   * What a connector gets to open a table: the single place where file tables are opened,
   * created and written, so the data-root confinement ({@link DataRoots}, SQLState 42501) is
   * enforced here. With data roots configured, relative paths resolve against the first root.
   */
  public TableSpec tableSpec(String name, java.util.List<io.velaria.engine.catalog.ColumnDef> cols,
      Map<String, String> options) {
    Path cwd;
    if (dataRoots.isEnabled()) {
      cwd = dataRoots.roots().get(0);
    } else {
      cwd = config.isPersistent() ? config.directory() : Path.of("").toAbsolutePath();
    }
    dataRoots.checkOptions(name, options, cwd);
    return new TableSpec(name, cols, options, cwd);
  }

  /** The data-root confinement of this database (disabled when no data_root is set). */
  public DataRoots dataRoots() {
    return dataRoots;
  }

  public Connector connector(String format) {
    Connector c = connectors.get(format == null ? "" : format.toLowerCase(Locale.ROOT));
    if (c == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "unknown table format '" + format + "'; available: " + connectors.keySet());
    }
    return c;
  }

  public Map<String, Connector> connectors() {
    return connectors;
  }

  public Session newSession() {
    return newSession(config);
  }

  /**
   * A session with its own per-connection settings (memory_limit, threads, batch_size,
   * read_only) taken from {@code connectionConfig}; where the database lives is the shared
   * database's.
   */
  public Session newSession(DatabaseConfig connectionConfig) {
    if (closed) {
      throw new VelariaException("08003", "database is closed");
    }
    return new Session(this, connectionConfig);
  }

  public Map<String, String> indexes() {
    return indexes;
  }

  public DatabaseConfig config() {
    return config;
  }

  public Catalog catalog() {
    return catalog;
  }

  public TableStore tableStore() {
    return tableStore;
  }

  public ExecutorService workers() {
    return workers;
  }

  /** Releases one reference; the last one closes the database. */
  @Override
  public void close() {
    synchronized (SHARED) {
      if (--references > 0) {
        return;
      }
      if (sharedKey != null) {
        SHARED.remove(sharedKey);
      }
    }
    closed = true;
    workers.shutdownNow();
    tableStore.close();
    if (lock != null) {
      try {
        lock.close();
      } catch (Exception e) {
        // the OS releases the lock with the process anyway
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

}
