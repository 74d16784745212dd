package io.velaria.sqllogictest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * The suite's own JDBC executor pointed at {@code jdbc:velaria:} (a fresh private in-memory
 * database for every connection, and the library opens one connection per test file).
 *
 * <p>Two additions, neither of which changes how results are compared: every statement the
 * library creates gets a query timeout, so a runaway query fails instead of hanging the run;
 * and a {@code statement ok} that fails is remembered, because the library then abandons the
 * rest of the file and only counts it as "not parsed".
 */
public class VelariaExecutor extends JdbcExecutor {
  public static final String URL = "jdbc:velaria:";

  private final int queryTimeoutSeconds;
  private String failedStatement;
  private String failedStatementError;
  private long failedStatementIndex = -1;
  private Throwable lastError;
  private final java.util.List<String> unexpectedSuccesses = new java.util.ArrayList<>();

  public VelariaExecutor(OptionsParser.SuppliedOptions options, int queryTimeoutSeconds) {
    super(options, URL, "", "");
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  @Override
  public void establishConnection() throws SQLException {
    super.establishConnection();
    connection = instrument(connection, queryTimeoutSeconds);
  }

  @Override
  public void statement(SltSqlStatement statement) throws SQLException {
    try {
      lastError = null;
      super.statement(statement);
      if (!statement.shouldPass && lastError == null) {
        // the library only prints this; keep it so reports can show it
        unexpectedSuccesses.add(statement.statement);
      }
    } catch (SQLException e) {
      if (failedStatement == null) {
        failedStatement = statement.statement;
        failedStatementError = e.getMessage();
        failedStatementIndex = statementsExecuted;
      }
      throw e;
    }
  }

  /** Closes the connection if the library left it open (it does after a failed statement). */
  void closeQuietly() {
    try {
      if (connection != null && !connection.isClosed()) {
        connection.close();
      }
    } catch (SQLException | RuntimeException e) {
      // nothing more to do with a broken connection
    }
  }

  /** {@code statement error} records that succeeded (the library does not count them). */
  java.util.List<String> unexpectedSuccesses() {
    return unexpectedSuccesses;
  }

  String failedStatement() {
    return failedStatement;
  }

  String failedStatementError() {
    return failedStatementError;
  }

  /** Statements (not queries) the library ran through this executor. */
  long statementsRun() {
    return statementsExecuted;
  }

  long failedStatementIndex() {
    return failedStatementIndex;
  }

  /**
   * A connection whose createStatement() sets a query timeout on what it returns, and whose
   * statements remember whether execute() threw (the library swallows the error of a
   * {@code statement error} record, and prints but does not count one that succeeds).
   */
  private Connection instrument(Connection target, int seconds) {
    InvocationHandler h = (proxy, method, args) -> {
      try {
        Object result = method.invoke(target, args);
        if (result instanceof Statement && method.getName().equals("createStatement")) {
          Statement st = (Statement) result;
          if (seconds > 0) {
            st.setQueryTimeout(seconds);
          }
          return recording(st);
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(VelariaExecutor.class.getClassLoader(),
        new Class<?>[] {Connection.class}, h);
  }

  private Statement recording(Statement target) {
    InvocationHandler h = (proxy, method, args) -> {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        if (method.getName().startsWith("execute")) {
          lastError = e.getCause();
        }
        throw e.getCause();
      }
    };
    return (Statement) Proxy.newProxyInstance(VelariaExecutor.class.getClassLoader(),
        new Class<?>[] {Statement.class}, h);
  }
}
