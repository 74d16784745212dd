package io.velaria.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.jdbc.VelariaStatementInfos;

/**
 * Avatica's {@link JdbcMeta} in front of the {@code jdbc:velaria:} driver, with the server's
 * policies: every connection opens the server's database URL (client-supplied connection
 * properties are ignored, so clients cannot lift the data roots, memory limit or read-only
 * flag), statements get the configured query timeout, connections and statements idle past
 * the timeout are closed, the number of connections is capped, and running statements are
 * tracked so that a disconnected client's work and a shutdown can cancel them.
 */
public final class VelariaServerMeta extends JdbcMeta {
  /** A statement that a request thread is running right now. */
  static final class Running {
    final Statement statement;
    final String connectionId;
    final int statementId;
    final long startNanos = System.nanoTime();
    volatile boolean cancelled;

    Running(Statement statement, String connectionId, int statementId) {
      this.statement = statement;
      this.connectionId = connectionId;
      this.statementId = statementId;
    }
  }

  private final String engineUrl;
  private final int statementTimeoutSeconds;
  private final int maxConnections;
  private final Map<Thread, Running> running = new ConcurrentHashMap<>();
  private final AtomicLong cancelledForDisconnect = new AtomicLong();

  VelariaServerMeta(ServerConfig config) throws SQLException {
    super(config.engineUrl(), cacheSettings(config));
    this.engineUrl = config.engineUrl();
    this.statementTimeoutSeconds = config.statementTimeoutSeconds;
    this.maxConnections = config.maxConnections;
  }

  private static Properties cacheSettings(ServerConfig config) {
    Properties p = new Properties();
    String idle = Integer.toString(config.idleTimeoutSeconds);
    p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), idle);
    p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    // the cap is enforced in openConnection with a clear error; the cache must never evict
    p.setProperty(ConnectionCacheSettings.MAX_CAPACITY.key(),
        Long.toString(config.maxConnections * 4L + 16));
    p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), idle);
    p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    p.setProperty(StatementCacheSettings.MAX_CAPACITY.key(), "1000000");
    return p;
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    getConnectionCache().cleanUp();
    if (getConnectionCache().size() >= maxConnections) {
      throw new RuntimeException(new SQLException("too many connections: the server allows "
          + maxConnections + " (max_connections)", "53300"));
    }
    super.openConnection(ch, info);
  }

  /** Ignores the client's properties: the server's URL carries every setting. */
  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    return DriverManager.getConnection(engineUrl, new Properties());
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle h = super.createStatement(ch);
    applyTimeout(h);
    return h;
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    StatementHandle h = super.prepare(ch, sql, maxRowCount);
    applyTimeout(h);
    return h;
  }

  private void applyTimeout(StatementHandle h) {
    if (statementTimeoutSeconds <= 0) {
      return;
    }
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info != null && VelariaStatementInfos.statement(info) != null) {
      try {
        VelariaStatementInfos.statement(info).setQueryTimeout(statementTimeoutSeconds);
      } catch (SQLException e) {
        throw new RuntimeException(e);
      }
    }
  }

  /**
   * Closes the connection and forgets its statements (the JDBC statements close with the
   * connection; without this their cache entries would stay until they expire).
   */
  @Override
  public void closeConnection(ConnectionHandle ch) {
    Connection conn = getConnectionCache().getIfPresent(ch.id);
    try {
      super.closeConnection(ch);
    } finally {
      if (conn != null) {
        forgetStatementsOf(conn);
      }
    }
  }

  private void forgetStatementsOf(Connection conn) {
    for (Map.Entry<Integer, StatementInfo> e : getStatementCache().asMap().entrySet()) {
      Statement st = VelariaStatementInfos.statement(e.getValue());
      if (st == null || owner(st) == conn || owner(st) == null) {
        getStatementCache().invalidate(e.getKey());
      }
    }
  }

  private static Connection owner(Statement st) {
    try {
      return st.isClosed() ? null : st.getConnection();
    } catch (SQLException e) {
      return null;
    }
  }

  // ---- hooks used by the Meta proxy and the server ----------------------------------------

  /** Marks the current thread as running statement {@code h}; returns null if unknown. */
  Running begin(StatementHandle h) {
    // using a statement counts as using its connection (for the idle timeout)
    getConnectionCache().getIfPresent(h.connectionId);
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info == null || VelariaStatementInfos.statement(info) == null) {
      return null;
    }
    Running r = new Running(VelariaStatementInfos.statement(info), h.connectionId, h.id);
    running.put(Thread.currentThread(), r);
    return r;
  }

  void end(Running r) {
    if (r != null) {
      running.remove(Thread.currentThread(), r);
    }
  }

  /** The statement the given request thread is running, or null. */
  Running runningOn(Thread t) {
    return running.get(t);
  }

  /** Cancels the statement a thread is running (its client went away). */
  void cancelRunningOn(Thread t) {
    Running r = running.get(t);
    if (r != null && !r.cancelled) {
      r.cancelled = true;
      cancelledForDisconnect.incrementAndGet();
      try {
        r.statement.cancel();
      } catch (SQLException | RuntimeException e) {
        // already finished or closed
      }
    }
  }

  /** Statements being executed or fetched right now. */
  public int runningStatementCount() {
    return running.size();
  }

  /** Statements the server holds open for clients (closed ones are purged first). */
  public long openStatementCount() {
    getStatementCache().cleanUp();
    purgeDeadStatements();
    return getStatementCache().size();
  }

  public long openConnectionCount() {
    getConnectionCache().cleanUp();
    return getConnectionCache().size();
  }

  public long cancelledForDisconnectCount() {
    return cancelledForDisconnect.get();
  }

  /**
   * Marks the statements and connections of running work as used, so the idle timeout never
   * closes a statement while it runs (called more often than the idle timeout).
   */
  void touchRunning() {
    for (Running r : running.values()) {
      getStatementCache().getIfPresent(r.statementId);
      getConnectionCache().getIfPresent(r.connectionId);
    }
  }

  /** Expires idle connections and statements now and drops statements of closed connections. */
  void maintain() {
    touchRunning();
    getConnectionCache().cleanUp();
    getStatementCache().cleanUp();
    purgeDeadStatements();
  }

  private void purgeDeadStatements() {
    for (Map.Entry<Integer, StatementInfo> e : getStatementCache().asMap().entrySet()) {
      Statement st = VelariaStatementInfos.statement(e.getValue());
      Connection c = st == null ? null : owner(st);
      boolean dead;
      try {
        dead = c == null || c.isClosed();
      } catch (SQLException ex) {
        dead = true;
      }
      if (dead) {
        getStatementCache().invalidate(e.getKey());
      }
    }
  }

  /** Cancels everything running. */
  void cancelAll() {
    for (Running r : new ArrayList<>(running.values())) {
      try {
        r.statement.cancel();
      } catch (SQLException | RuntimeException e) {
        // finished meanwhile
      }
    }
  }

  /** Closes every statement and connection (shutdown). */
  void closeAll() {
    cancelAll();
    List<Connection> conns = new ArrayList<>(getConnectionCache().asMap().values());
    getStatementCache().invalidateAll();
    getStatementCache().cleanUp();
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
    for (Connection c : conns) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // closing anyway
      }
    }
  }
}
