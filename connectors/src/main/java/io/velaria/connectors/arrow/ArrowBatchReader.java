package io.velaria.connectors.arrow;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.Columns;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Copies the projected vectors of each Arrow record batch into an engine batch. */
final class ArrowBatchReader implements BatchReader {
  private final ArrowIpc ipc;
  private final String[] names;
  private final DataType[] types;

  ArrowBatchReader(ArrowTable table, Path file, int[] projection) {
    names = new String[projection.length];
    types = new DataType[projection.length];
    for (int j = 0; j < projection.length; j++) {
      names[j] = table.dataColumns.get(projection[j]).name();
      types[j] = table.dataColumns.get(projection[j]).type();
    }
    ipc = ArrowIpc.open(file);
  }

  @Override
  public Batch next() {
    VectorSchemaRoot root;
    do {
      root = ipc.next();
      if (root == null) {
        return null;
      }
    } while (root.getRowCount() == 0);
    int n = root.getRowCount();
    Column[] out = new Column[names.length];
    for (int j = 0; j < names.length; j++) {
      FieldVector v = vector(root, names[j]);
      out[j] = v == null ? Columns.constant(types[j], null, n)
          : ArrowColumns.convert(v, types[j], n);
    }
    return new Batch(out, n);
  }

  private static FieldVector vector(VectorSchemaRoot root, String name) {
    FieldVector v = root.getVector(name);
    if (v != null) {
      return v;
    }
    for (FieldVector f : root.getFieldVectors()) {
      if (f.getName().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public void close() {
    ipc.close();
  }
}
