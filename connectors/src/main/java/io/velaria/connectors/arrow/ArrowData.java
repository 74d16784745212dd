package io.velaria.connectors.arrow;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Java API between Arrow data in the caller's hands and the engine: Arrow record batches
 * in ({@link #table}), engine results out as an {@link ArrowReader} ({@link #reader}). Used by
 * the driver's {@code VelariaConnection.registerArrow} and {@code ResultSet.unwrap}.
 */
public final class ArrowData {
  private ArrowData() {}

  /**
   * A table holding every remaining batch of {@code reader}, converted a column at a time.
   * The reader is read to its end but not closed: it and its allocator stay the caller's.
   */
  public static ConnectorTable table(ArrowReader reader) {
    try {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<ColumnDef> columns = columns(root.getSchema());
      List<Batch> batches = new ArrayList<>();
      while (reader.loadNextBatch()) {
        if (root.getRowCount() > 0) {
          batches.add(batch(root, columns));
        }
      }
      return new ArrowMemoryTable("ArrowReader", columns, batches);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read the Arrow batches: "
          + e.getMessage(), e);
    }
  }

  /** A table holding a copy of the root's current rows; the root stays the caller's. */
  public static ConnectorTable table(VectorSchemaRoot root) {
    List<ColumnDef> columns = columns(root.getSchema());
    List<Batch> batches = root.getRowCount() == 0 ? List.of() : List.of(batch(root, columns));
    return new ArrowMemoryTable("VectorSchemaRoot", columns, batches);
  }

  /**
   * An ArrowReader over engine batches: each {@code loadNextBatch()} takes the next batch from
   * {@code next} (null at the end) and writes it into the reader's root. The reader owns
   * {@code allocator}; closing it closes the root, then runs {@code onClose}, then closes the
   * allocator.
   */
  public static ArrowReader reader(List<String> names, List<DataType> types,
      Supplier<Batch> next, Runnable onClose, BufferAllocator allocator) {
    return new ArrowResultReader(ArrowExport.schema(names, types), types, next, onClose,
        allocator);
  }

  private static List<ColumnDef> columns(Schema schema) {
    List<ColumnDef> out = new ArrayList<>();
    for (Field f : schema.getFields()) {
      out.add(new ColumnDef(f.getName(), ArrowColumns.type(f), f.isNullable()));
    }
    return out;
  }

  private static Batch batch(VectorSchemaRoot root, List<ColumnDef> columns) {
    int n = root.getRowCount();
    Column[] out = new Column[columns.size()];
    List<FieldVector> vectors = root.getFieldVectors();
    for (int j = 0; j < out.length; j++) {
      out[j] = ArrowColumns.convert(vectors.get(j), columns.get(j).type(), n);
    }
    return new Batch(out, n);
  }
}
