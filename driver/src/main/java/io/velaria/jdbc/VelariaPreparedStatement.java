package io.velaria.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * A prepared statement. Parameters are kept in Avatica's slots; java.time values and float[]
 * vectors, which Avatica's setObject does not know, are kept as they are and handed to the
 * engine unchanged (see {@link Parameters}).
 */
final class VelariaPreparedStatement extends AvaticaPreparedStatement {
  VelariaPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return Errors.call(super::executeQuery);
  }

  @Override
  public boolean execute() throws SQLException {
    return Errors.call(super::execute);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return Errors.call(super::executeLargeUpdate);
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    return Errors.call(super::executeLargeBatch);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    if (x instanceof LocalDate || x instanceof LocalTime || x instanceof LocalDateTime
        || x instanceof OffsetDateTime || x instanceof ZonedDateTime || x instanceof Instant
        || x instanceof float[]) {
      checkIndex(parameterIndex);
      slots[parameterIndex - 1] = TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT, x);
      return;
    }
    Errors.call(() -> {
      super.setObject(parameterIndex, x);
      return null;
    });
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    if (x instanceof java.time.temporal.Temporal || x instanceof float[]) {
      setObject(parameterIndex, x);
      return;
    }
    Errors.call(() -> {
      super.setObject(parameterIndex, x, targetSqlType);
      return null;
    });
  }

  private void checkIndex(int parameterIndex) throws SQLException {
    checkOpen();
    if (parameterIndex < 1 || parameterIndex > slots.length) {
      throw new SQLException("parameter index " + parameterIndex + " is out of range 1.."
          + slots.length, "07009");
    }
  }

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    ((VelariaConnection) connection).velariaMeta().cancel(handle);
  }

  @Override
  public void setEscapeProcessing(boolean enable) {
    // the SQL is passed to the engine as written
  }

  @Override
  public void setPoolable(boolean poolable) {
    // nothing to pool
  }
}
