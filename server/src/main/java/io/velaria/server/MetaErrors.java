package io.velaria.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;

/**
 * Wraps the server's Meta so that (1) a SQLException from the engine reaches the remote client
 * with its SQLState, error code and message (JdbcMeta alone wraps it in a RuntimeException,
 * which Avatica reports with an unknown SQLState), and (2) every call that runs or fetches a
 * statement is tracked, so a client that disconnects mid-query, or a shutdown, can cancel it.
 */
final class MetaErrors implements InvocationHandler {
  private final VelariaServerMeta meta;

  private MetaErrors(VelariaServerMeta meta) {
    this.meta = meta;
  }

  static ProtobufMeta wrap(VelariaServerMeta meta) {
    return (ProtobufMeta) Proxy.newProxyInstance(MetaErrors.class.getClassLoader(),
        new Class<?>[] {ProtobufMeta.class}, new MetaErrors(meta));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    VelariaServerMeta.Running running = null;
    if (args != null && args.length > 0 && args[0] instanceof Meta.StatementHandle
        && runsWork(method.getName())) {
      running = meta.begin((Meta.StatementHandle) args[0]);
    }
    try {
      return method.invoke(meta, args);
    } catch (InvocationTargetException e) {
      throw translate(e.getCause(), running);
    } finally {
      meta.end(running);
    }
  }

  private static boolean runsWork(String name) {
    switch (name) {
      case "prepareAndExecute":
      case "execute":
      case "fetch":
      case "executeBatch":
      case "executeBatchProtobuf":
      case "prepareAndExecuteBatch":
      case "syncResults":
        return true;
      default:
        return false;
    }
  }

  static Throwable translate(Throwable t, VelariaServerMeta.Running running) {
    if (t instanceof AvaticaRuntimeException || t instanceof NoSuchConnectionException
        || !(t instanceof RuntimeException)) {
      return t; // checked Meta exceptions (NoSuchStatement, MissingResults) and errors as is
    }
    SQLException sql = null;
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof SQLException) {
        sql = (SQLException) c;
        break;
      }
    }
    if (sql == null) {
      return new AvaticaRuntimeException(String.valueOf(t.getMessage()), -1, "XX000",
          AvaticaSeverity.ERROR);
    }
    String state = sql.getSQLState() == null ? "XX000" : sql.getSQLState();
    String message = sql.getMessage();
    if (running != null && running.cancelled && "57014".equals(state)) {
      message = message + " (the client disconnected)";
    }
    return new AvaticaRuntimeException(message, sql.getErrorCode(), state,
        AvaticaSeverity.ERROR);
  }
}
