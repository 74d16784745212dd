package io.velaria.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set. Query results read the engine's batches through a {@link BatchCursor} that
 * {@link #execute()} installs (as arrow-java's Flight driver installs its vector cursor);
 * metadata results, which Avatica delivers as a frame of rows, use Avatica's own cursor.
 */
final class VelariaResultSet extends AvaticaResultSet {
  private boolean batches;
  private BatchCursor batchCursor;

  VelariaResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData resultSetMetaData, TimeZone timeZone, Meta.Frame firstFrame)
      throws SQLException {
    super(statement, state, signature, resultSetMetaData, timeZone, firstFrame);
  }

  @Override
  protected AvaticaResultSet execute() throws SQLException {
    if (firstFrame != null || statement == null) {
      return super.execute();
    }
    VelariaMeta meta = ((VelariaConnection) statement.connection).velariaMeta();
    VelariaMeta.Pending pending = meta.takePending(statement.handle);
    if (pending == null) {
      return super.execute();
    }
    batches = true;
    BatchCursor cursor = new BatchCursor(pending.result(), pending.columns(), pending.maxRows());
    batchCursor = cursor;
    return execute2(cursor, signature.columns);
  }

  /**
   * {@code unwrap(org.apache.arrow.vector.ipc.ArrowReader.class)} hands the rows not read yet
   * over as Arrow record batches (see {@link ArrowResults}); other classes as Avatica does.
   */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (ArrowResults.isArrowReader(iface)) {
      checkOpen();
      if (batchCursor == null) {
        throw new SQLException("only query results can be read as Arrow batches", "0A000");
      }
      return iface.cast(ArrowResults.reader(batchCursor));
    }
    return super.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return (ArrowResults.isArrowReader(iface) && batchCursor != null)
        || super.isWrapperFor(iface);
  }

  /** For query results, the class JdbcTypes documents (float[] for vectors, not an Array). */
  @Override
  public Object getObject(int columnIndex) throws SQLException {
    if (!batches) {
      return super.getObject(columnIndex);
    }
    checkOpen();
    if (columnIndex < 1 || columnIndex > accessorList.size()) {
      throw new SQLException("invalid column index " + columnIndex, "07009");
    }
    return accessorList.get(columnIndex - 1).getObject();
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }
}
