package io.velaria.connectors.arrow;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Engine batch to Arrow vectors, for Arrow sinks: integers as Int/BigInt, floats as Float8,
 * BOOLEAN as Bit, DATE as DateDay, TIMESTAMP as TimeStampMilli, everything else (text, decimal
 * as its exact text, time, vectors) as Utf8.
 */
final class ArrowVectors {
  private ArrowVectors() {}

  static VectorSchemaRoot fromBatch(Batch b, List<ColumnDef> columns, BufferAllocator alloc) {
    List<FieldVector> vectors = new ArrayList<>();
    int n = b.rowCount();
    for (int j = 0; j < columns.size(); j++) {
      vectors.add(vector(columns.get(j).name(), columns.get(j).type(), b.column(j), n, alloc));
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(n);
    return root;
  }

  private static FieldVector vector(String name, DataType t, Column c, int n,
      BufferAllocator alloc) {
    switch (t.kind()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER: {
        IntVector v = new IntVector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v.setNull(i);
          } else {
            v.set(i, ((Number) c.getObject(i)).intValue());
          }
        }
        v.setValueCount(n);
        return v;
      }
      case BIGINT: {
        BigIntVector v = new BigIntVector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v.setNull(i);
          } else {
            v.set(i, ((Number) c.getObject(i)).longValue());
          }
        }
        v.setValueCount(n);
        return v;
      }
      case REAL:
      case DOUBLE: {
        Float8Vector v = new Float8Vector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v.setNull(i);
          } else {
            v.set(i, ((Number) c.getObject(i)).doubleValue());
          }
        }
        v.setValueCount(n);
        return v;
      }
      case BOOLEAN: {
        BitVector v = new BitVector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v.setNull(i);
          } else {
            v.set(i, (Boolean) c.getObject(i) ? 1 : 0);
          }
        }
        v.setValueCount(n);
        return v;
      }
      case DATE: {
        DateDayVector v = new DateDayVector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v.setNull(i);
          } else {
            v.set(i, ((Number) c.getObject(i)).intValue());
          }
        }
        v.setValueCount(n);
        return v;
      }
      case TIMESTAMP: {
        TimeStampMilliVector v = new TimeStampMilliVector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (c.isNull(i)) {
            v.setNull(i);
          } else {
            v.set(i, ((Number) c.getObject(i)).longValue());
          }
        }
        v.setValueCount(n);
        return v;
      }
      default: {
        VarCharVector v = new VarCharVector(name, alloc);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
          Object o = c.getObject(i);
          if (o == null) {
            v.setNull(i);
          } else {
            v.setSafe(i, text(t, o).getBytes(StandardCharsets.UTF_8));
          }
        }
        v.setValueCount(n);
        return v;
      }
    }
  }

  private static String text(DataType t, Object o) {
    if (t.kind() == io.velaria.engine.type.TypeKind.DECIMAL) {
      return BigDecimal.valueOf(((Number) o).longValue(), t.scale()).toPlainString();
    }
    if (o instanceof float[]) {
      return java.util.Arrays.toString((float[]) o);
    }
    return o.toString();
  }
}
