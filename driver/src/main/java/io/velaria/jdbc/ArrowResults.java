package io.velaria.jdbc;

import io.velaria.connectors.arrow.ArrowData;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.type.TypeKind;
import io.velaria.engine.type.DataType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A query result read as Arrow record batches: each engine batch becomes one record batch in
 * the reader's {@code VectorSchemaRoot}. The reader has its own allocator; closing it closes
 * the result. Kept apart from {@link VelariaResultSet} so Arrow classes load only when used.
 */
final class ArrowResults {
  private ArrowResults() {}

  static boolean isArrowReader(Class<?> iface) {
    return iface != null && iface.getName().equals("org.apache.arrow.vector.ipc.ArrowReader");
  }

  static ArrowReader reader(BatchCursor cursor) throws SQLException {
    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (ResultColumn c : cursor.columns()) {
      names.add(c.label());
      types.add(c.type());
    }
    try {
      Batch first = null;
      for (int i = 0; i < types.size(); i++) {
        if (types.get(i).kind() == TypeKind.VECTOR && types.get(i).dimension() < 1) {
          // the result type may not carry the dimension that an Arrow schema needs: take it
          // from the data
          if (first == null) {
            first = cursor.takeBatch();
          }
          if (first != null && first.column(i) instanceof FloatArrayColumn) {
            types.set(i, DataType.vector(((FloatArrayColumn) first.column(i)).dimension()));
          }
        }
      }
      Batch[] pending = {first};
      return ArrowData.reader(names, types, () -> {
        if (pending[0] != null) {
          Batch b = pending[0];
          pending[0] = null;
          return b;
        }
        return cursor.takeBatch();
      }, cursor::close, new RootAllocator(Long.MAX_VALUE));
    } catch (RuntimeException e) {
      throw Errors.toSql(e);
    }
  }
}
