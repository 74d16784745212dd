package io.velaria.connectors.arrow;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Engine types and columns to Arrow: BOOLEAN Bool, TINYINT..BIGINT Int(8..64), REAL/DOUBLE
 * FloatingPoint, DECIMAL(p,s) Decimal128, CHAR/VARCHAR Utf8, DATE Date(DAY), TIME
 * Time(MILLISECOND, 32), TIMESTAMP Timestamp(MILLISECOND, no zone), VARBINARY Binary,
 * VECTOR(n) FixedSizeList(n) of Float32, NULL Utf8 (all NULL).
 */
final class ArrowExport {
  private ArrowExport() {}

  static Schema schema(List<String> names, List<DataType> types) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(field(names.get(i), types.get(i)));
    }
    return new Schema(fields);
  }

  private static Field field(String name, DataType t) {
    switch (t.kind()) {
      case VECTOR:
        return new Field(name, FieldType.nullable(new ArrowType.FixedSizeList(t.dimension())),
            List.of(Field.notNullable("item",
                new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))));
      default:
        return Field.nullable(name, arrowType(t));
    }
  }

  private static ArrowType arrowType(DataType t) {
    switch (t.kind()) {
      case BOOLEAN: return ArrowType.Bool.INSTANCE;
      case TINYINT: return new ArrowType.Int(8, true);
      case SMALLINT: return new ArrowType.Int(16, true);
      case INTEGER: return new ArrowType.Int(32, true);
      case BIGINT: return new ArrowType.Int(64, true);
      case REAL: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL: return new ArrowType.Decimal(t.precision(), t.scale(), 128);
      case DATE: return new ArrowType.Date(DateUnit.DAY);
      case TIME: return new ArrowType.Time(TimeUnit.MILLISECOND, 32);
      case TIMESTAMP: return new ArrowType.Timestamp(TimeUnit.MILLISECOND, null);
      case VARBINARY: return ArrowType.Binary.INSTANCE;
      default: return ArrowType.Utf8.INSTANCE;
    }
  }

  /** Writes the batch into the root's vectors (reallocated to the batch's size). */
  static void fill(VectorSchemaRoot root, Batch b, List<DataType> types) {
    int n = b.rowCount();
    List<FieldVector> vectors = root.getFieldVectors();
    for (int j = 0; j < vectors.size(); j++) {
      FieldVector v = vectors.get(j);
      v.clear();
      if (v instanceof BaseFixedWidthVector) {
        ((BaseFixedWidthVector) v).allocateNew(n);
      } else {
        v.allocateNew();
      }
      write(v, b.column(j), types.get(j), n);
      v.setValueCount(n);
    }
    root.setRowCount(n);
  }

  private static void write(FieldVector v, Column c, DataType t, int n) {
    for (int i = 0; i < n; i++) {
      if (c.isNull(i)) {
        if (v instanceof FixedSizeListVector) {
          ((FixedSizeListVector) v).setNull(i);
        } else if (v instanceof BaseFixedWidthVector) {
          ((BaseFixedWidthVector) v).setNull(i);
        } else if (v instanceof VarCharVector) {
          ((VarCharVector) v).setNull(i);
        } else if (v instanceof VarBinaryVector) {
          ((VarBinaryVector) v).setNull(i);
        }
        continue;
      }
      if (c instanceof LongColumn) {
        long x = ((LongColumn) c).get(i);
        if (v instanceof BigIntVector) {
          ((BigIntVector) v).set(i, x);
        } else if (v instanceof IntVector) {
          ((IntVector) v).set(i, (int) x);
        } else if (v instanceof SmallIntVector) {
          ((SmallIntVector) v).set(i, (short) x);
        } else if (v instanceof TinyIntVector) {
          ((TinyIntVector) v).set(i, (byte) x);
        } else if (v instanceof DateDayVector) {
          ((DateDayVector) v).set(i, (int) x);
        } else if (v instanceof TimeMilliVector) {
          ((TimeMilliVector) v).set(i, (int) x);
        } else if (v instanceof TimeStampMilliVector) {
          ((TimeStampMilliVector) v).set(i, x);
        } else if (v instanceof DecimalVector) {
          ((DecimalVector) v).setSafe(i, BigDecimal.valueOf(x, t.scale()));
        } else if (v instanceof VarCharVector) {
          ((VarCharVector) v).setSafe(i, Long.toString(x).getBytes(StandardCharsets.UTF_8));
        }
      } else if (c instanceof DoubleColumn) {
        double x = ((DoubleColumn) c).get(i);
        if (v instanceof Float8Vector) {
          ((Float8Vector) v).set(i, x);
        } else {
          ((Float4Vector) v).set(i, (float) x);
        }
      } else if (c instanceof BooleanColumn) {
        ((BitVector) v).set(i, ((BooleanColumn) c).get(i) ? 1 : 0);
      } else if (c instanceof StringColumn) {
        ((VarCharVector) v).setSafe(i, ((StringColumn) c).get(i)
            .getBytes(StandardCharsets.UTF_8));
      } else if (c instanceof BytesColumn) {
        ((VarBinaryVector) v).setSafe(i, ((BytesColumn) c).get(i));
      } else if (c instanceof FloatArrayColumn) {
        FixedSizeListVector l = (FixedSizeListVector) v;
        float[] x = ((FloatArrayColumn) c).get(i);
        int at = l.startNewValue(i);
        Float4Vector data = (Float4Vector) l.getDataVector();
        for (int k = 0; k < x.length; k++) {
          data.setSafe(at + k, x[k]);
        }
        data.setValueCount(Math.max(data.getValueCount(), at + x.length));
      } else {
        Object o = c.getObject(i);
        ((VarCharVector) v).setSafe(i, String.valueOf(o).getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
