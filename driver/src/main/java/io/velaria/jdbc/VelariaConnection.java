package io.velaria.jdbc;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.session.Session;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.InternalProperty;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/**
 * A connection to an embedded Velaria database: one engine {@link Session}, owned by
 * {@link VelariaMeta}. Overrides the Avatica methods that would throw "not supported"
 * (SQLState 0A000 makes pools evict connections) with what an embedded, auto-committing
 * database can honestly do.
 */
public final class VelariaConnection extends AvaticaConnection {
  private final String jdbcUrl;
  private final Properties clientInfo = new Properties();

  VelariaConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info) {
    super(driver, factory, url, info);
    this.jdbcUrl = url;
    // Identifiers: Calcite with unquoted casing UNCHANGED and case-insensitive lookup, so
    // DatabaseMetaData reports "stores mixed case" and quotes with ".
    properties.put(InternalProperty.CASE_SENSITIVE, false);
    properties.put(InternalProperty.UNQUOTED_CASING, Casing.UNCHANGED);
    properties.put(InternalProperty.QUOTED_CASING, Casing.UNCHANGED);
    properties.put(InternalProperty.QUOTING, Quoting.DOUBLE_QUOTE);
  }

  /** Opens the database and the session; called by the factory right after construction. */
  void open() throws SQLException {
    String suffix = jdbcUrl.substring(VelariaDriver.PREFIX.length());
    try {
      velariaMeta().open(suffix, info);
    } catch (RuntimeException e) {
      throw Errors.toSql(e);
    }
  }

  VelariaMeta velariaMeta() {
    return (VelariaMeta) meta;
  }

  /** The engine session behind this connection (for tools built on the driver). */
  public Session session() {
    return velariaMeta().session();
  }

  public Catalog catalog() {
    return velariaMeta().session().database().catalog();
  }

  /**
   * Registers the remaining record batches of an Arrow reader as table {@code name} (schema
   * {@code main}), converted a column at a time into the engine's columns; the reader is read
   * to its end but stays the caller's to close. The table lives until DROP TABLE or until the
   * database closes; it is not persisted. 42P07 if the name is taken.
   */
  public void registerArrow(String name, org.apache.arrow.vector.ipc.ArrowReader reader)
      throws SQLException {
    ArrowRegistration.register(this, name, reader);
  }

  /** Registers a copy of the root's current rows as table {@code name}; see above. */
  public void registerArrow(String name, org.apache.arrow.vector.VectorSchemaRoot root)
      throws SQLException {
    ArrowRegistration.register(this, name, root);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return Errors.call(() -> super.prepareStatement(sql, resultSetType, resultSetConcurrency,
        resultSetHoldability));
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    Errors.call(() -> {
      super.setReadOnly(readOnly);
      return null;
    });
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("timeout is less than 0", "HY000");
    }
    return !isClosed() && !velariaMeta().session().isClosed();
  }

  @Override
  public String nativeSQL(String sql) {
    return sql;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() {
    return new HashMap<>();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) {
    // no user-defined types: nothing to map
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    clientInfo.clear();
    clientInfo.putAll(properties);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  /** Embedded: nothing to abort remotely, so abort is close (JDBC allows it to be). */
  @Override
  public void abort(Executor executor) throws SQLException {
    close();
  }
}
