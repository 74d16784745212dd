package io.velaria.jdbc;

import io.velaria.engine.column.Batch;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.type.DataType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.Cursor;

/**
 * An Avatica cursor over the engine's columnar batches: it holds one batch and a row index,
 * and its accessors read the batch's primitive arrays at that index. Rows are never copied
 * into objects. The engine computes the next batch only when the current one is used up, and
 * stops (result closed) once {@code maxRows} rows were returned.
 */
final class BatchCursor implements Cursor {
  private final StatementResult result;
  private final List<ResultColumn> columns;
  private final long maxRows;
  private Batch batch;
  private int row = -1;
  private long returned;
  private boolean done;
  private boolean closed;
  /** Whether the last value read was NULL; written by the accessors. */
  boolean wasNull;

  /** @param maxRows the most rows to return, 0 or less for all */
  BatchCursor(StatementResult result, List<ResultColumn> columns, long maxRows) {
    this.result = result;
    this.columns = columns;
    this.maxRows = maxRows;
  }

  Batch batch() {
    return batch;
  }

  int row() {
    return row;
  }

  @Override
  public List<Accessor> createAccessors(List<ColumnMetaData> types, Calendar localCalendar,
      ArrayImpl.Factory factory) {
    List<Accessor> accessors = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      accessors.add(accessor(i, columns.get(i).type(), factory));
    }
    return accessors;
  }

  private ColumnAccessor accessor(int i, DataType t, ArrayImpl.Factory factory) {
    switch (t.kind()) {
      case BOOLEAN: return new NumberAccessors.Bool(this, i, t);
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT:
        return new NumberAccessors.Integral(this, i, t);
      case DECIMAL: return new NumberAccessors.Decimal(this, i, t);
      case REAL: case DOUBLE: return new NumberAccessors.Floating(this, i, t);
      case CHAR: case VARCHAR: return new OtherAccessors.Text(this, i, t);
      case DATE: return new TemporalAccessors.DateAccessor(this, i, t);
      case TIME: return new TemporalAccessors.TimeAccessor(this, i, t);
      case TIMESTAMP: return new TemporalAccessors.TimestampAccessor(this, i, t);
      case VARBINARY: return new OtherAccessors.Binary(this, i, t);
      case VECTOR: return new OtherAccessors.Vector(this, i, t, factory);
      default: return new OtherAccessors.Null(this, i, t);
    }
  }

  @Override
  public boolean next() throws SQLException {
    if (done) {
      return false;
    }
    if (maxRows > 0 && returned >= maxRows) {
      finish();
      return false;
    }
    row++;
    while (batch == null || row >= batch.rowCount()) {
      Batch next;
      try {
        next = result.nextBatch();
      } catch (RuntimeException e) {
        finish();
        throw Errors.toSql(e);
      }
      if (next == null) {
        finish();
        return false;
      }
      batch = next;
      row = 0;
    }
    returned++;
    return true;
  }

  /**
   * The rows not yet returned, a batch at a time (the rest of the current batch first), for
   * {@code ResultSet.unwrap(ArrowReader.class)}; null at the end. Row-wise reading ends here.
   */
  Batch takeBatch() {
    if (done || (maxRows > 0 && returned >= maxRows)) {
      finish();
      return null;
    }
    Batch out;
    if (batch != null && row + 1 < batch.rowCount()) {
      out = batch.slice(row + 1, batch.rowCount() - row - 1);
    } else {
      out = result.nextBatch();
    }
    batch = null;
    row = -1;
    if (out == null) {
      finish();
      return null;
    }
    if (maxRows > 0 && returned + out.rowCount() > maxRows) {
      out = out.slice(0, (int) (maxRows - returned));
    }
    returned += out.rowCount();
    return out;
  }

  List<ResultColumn> columns() {
    return columns;
  }

  /** At the end: release the engine's resources now rather than when the ResultSet closes. */
  private void finish() {
    done = true;
    batch = null;
    close();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        result.close();
      } catch (RuntimeException e) {
        // closing is best effort; the query is over either way
      }
    }
  }

  @Override
  public boolean wasNull() {
    return wasNull;
  }
}
