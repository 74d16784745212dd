package io.velaria.engine.session;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.sql.StatementRunner;
import java.util.List;

/**
 * One connection's view of a database. Runs SQL statements one at a time; results stream
 * batches and must be closed. Not thread-safe, like a JDBC connection, except {@code cancel}
 * through each statement's {@link QueryControl}.
 */
public final class Session implements AutoCloseable {
  private final Database database;
  private final DatabaseConfig config;
  private final StatementRunner runner;
  private volatile boolean readOnly;
  private volatile boolean closed;

  Session(Database database, DatabaseConfig config) {
    this.database = database;
    this.config = config;
    this.readOnly = database.config().readOnly() || config.readOnly();
    this.runner = new StatementRunner(this);
  }

  public Database database() {
    return database;
  }

  /** This connection's settings (memory limit, threads, batch size). */
  public DatabaseConfig config() {
    return config;
  }

  /**
   * Runs one statement. {@code parameters} are JDBC-style Java values (Integer, Long,
   * BigDecimal, String, java.sql.Date/Time/Timestamp, java.time values, byte[], float[],
   * Boolean) or null, one per {@code ?}.
   */
  public StatementResult execute(String sql, List<Object> parameters, QueryControl control) {
    checkOpen();
    return runner.execute(sql, parameters, control);
  }

  /** Parses and validates a statement without running it. */
  public PreparedInfo prepare(String sql) {
    checkOpen();
    return runner.prepare(sql);
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public void setReadOnly(boolean readOnly) {
    if (!readOnly && database.config().readOnly()) {
      throw new VelariaException(SqlStates.READ_ONLY,
          "the database was opened with read_only=true");
    }
    this.readOnly = readOnly;
  }

  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new VelariaException("08003", "connection is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      database.close();
    }
  }
}
