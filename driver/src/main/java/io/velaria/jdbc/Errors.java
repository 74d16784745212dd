package io.velaria.jdbc;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;

/**
 * Turns engine errors into SQLExceptions. Avatica wraps whatever a Meta throws in
 * "Error while executing SQL ..." exceptions without an SQLState; {@link #unwrap} digs the
 * engine's error out again so callers see its message (with line/column) and SQLState.
 */
final class Errors {
  /** The SQLState for values a getter cannot convert (JDBC: invalid character value for cast). */
  static final String BAD_CONVERSION = "22018";

  private Errors() {}

  static SQLException toSql(VelariaException e) {
    String state = e.sqlState() == null ? SqlStates.INTERNAL_ERROR : e.sqlState();
    String message = e.getMessage();
    if (state.equals(SqlStates.QUERY_CANCELED) && message != null && message.contains("timed out")) {
      return new SQLTimeoutException(message, state, e);
    }
    if (state.startsWith("42")) {
      return new SQLSyntaxErrorException(message, state, e);
    }
    if (state.startsWith("22")) {
      return new SQLDataException(message, state, e);
    }
    if (state.startsWith("08")) {
      return new SQLNonTransientConnectionException(message, state, e);
    }
    return new SQLException(message, state, e);
  }

  /** Any throwable as an SQLException, preferring an engine error or a stated SQLException inside. */
  static SQLException toSql(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof VelariaException) {
        return toSql((VelariaException) t);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
        return (SQLException) t;
      }
    }
    if (e instanceof SQLException) {
      return (SQLException) e;
    }
    // A bug in the engine or driver: still an SQLException, never a bare stack trace.
    return new SQLException("internal error: " + e, SqlStates.INTERNAL_ERROR, e);
  }

  static SQLException conversion(String from, String to) {
    return new SQLDataException("cannot convert " + from + " to " + to, BAD_CONVERSION);
  }

  static SQLException conversion(String from, String to, Throwable cause) {
    return new SQLDataException("cannot convert " + from + " to " + to + ": " + cause.getMessage(),
        BAD_CONVERSION, cause);
  }

  /** Runs an action, rethrowing any failure as the engine's SQLException. */
  static <T> T call(SqlCall<T> action) throws SQLException {
    try {
      return action.call();
    } catch (SQLException | RuntimeException e) {
      throw toSql(e);
    }
  }

  /** A JDBC call that may fail. */
  interface SqlCall<T> {
    T call() throws SQLException;
  }
}
