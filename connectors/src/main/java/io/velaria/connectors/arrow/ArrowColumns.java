package io.velaria.connectors.arrow;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Maps Arrow fields to engine types and copies Arrow vectors into engine columns:
 * integers, floats, bool, utf8, binary, date, time, timestamp (any unit, any time zone as
 * UTC), decimal (precision <= 18 exact, else DOUBLE), FixedSizeList of float32/float64 as
 * VECTOR(n); other nested types (List, Struct, Map) as JSON text.
 */
final class ArrowColumns {
  private ArrowColumns() {}

  static DataType type(Field f) {
    ArrowType t = f.getType();
    switch (t.getTypeID()) {
      case Int: {
        ArrowType.Int i = (ArrowType.Int) t;
        int w = i.getBitWidth();
        if (!i.getIsSigned()) {
          w *= 2;
        }
        return w <= 8 ? DataType.TINYINT : w <= 16 ? DataType.SMALLINT : w <= 32
            ? DataType.INTEGER : DataType.BIGINT;
      }
      case FloatingPoint:
        return ((ArrowType.FloatingPoint) t).getPrecision()
            == org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE ? DataType.DOUBLE
            : DataType.REAL;
      case Bool: return DataType.BOOLEAN;
      case Utf8:
      case LargeUtf8:
      case Utf8View: return DataType.VARCHAR;
      case Binary:
      case LargeBinary:
      case FixedSizeBinary:
      case BinaryView: return DataType.VARBINARY;
      case Date: return DataType.DATE;
      case Time: return DataType.TIME;
      case Timestamp: return DataType.TIMESTAMP;
      case Decimal: {
        ArrowType.Decimal d = (ArrowType.Decimal) t;
        return d.getPrecision() <= DataType.MAX_DECIMAL_PRECISION
            ? DataType.decimal(d.getPrecision(), d.getScale()) : DataType.DOUBLE;
      }
      case FixedSizeList: {
        ArrowType child = f.getChildren().get(0).getType();
        if (child.getTypeID() == ArrowType.ArrowTypeID.FloatingPoint
            || child.getTypeID() == ArrowType.ArrowTypeID.Int) {
          return DataType.vector(((ArrowType.FixedSizeList) t).getListSize());
        }
        return DataType.VARCHAR;
      }
      default:
        return DataType.VARCHAR; // lists, structs, maps, unions: JSON text
    }
  }

  static Column convert(FieldVector v, DataType type, int rows) {
    Column fast = convertFlat(v, type, rows);
    if (fast != null) {
      return fast;
    }
    ColumnBuilder b = new ColumnBuilder(type, rows);
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        b.appendNull();
        continue;
      }
      append(b, v, type, i);
    }
    return b.build();
  }

  /**
   * The common flat vectors copied column at a time into the engine's arrays (one type test
   * per vector, not per value); null for the other kinds.
   */
  private static Column convertFlat(FieldVector v, DataType type, int rows) {
    boolean[] nulls = nullMask(v, rows);
    switch (type.physical()) {
      case LONG: {
        if (type.kind() == io.velaria.engine.type.TypeKind.DECIMAL
            || type.kind() == io.velaria.engine.type.TypeKind.TIMESTAMP
            || type.kind() == io.velaria.engine.type.TypeKind.TIME) {
          return null;
        }
        long[] out = new long[rows];
        if (v instanceof BigIntVector) {
          BigIntVector x = (BigIntVector) v;
          for (int i = 0; i < rows; i++) {
            out[i] = nulls != null && nulls[i] ? 0 : x.get(i);
          }
        } else if (v instanceof IntVector) {
          IntVector x = (IntVector) v;
          for (int i = 0; i < rows; i++) {
            out[i] = nulls != null && nulls[i] ? 0 : x.get(i);
          }
        } else if (v instanceof DateDayVector) {
          DateDayVector x = (DateDayVector) v;
          for (int i = 0; i < rows; i++) {
            out[i] = nulls != null && nulls[i] ? 0 : x.get(i);
          }
        } else {
          return null;
        }
        return new LongColumn(type, rows, out, nulls);
      }
      case DOUBLE: {
        double[] out = new double[rows];
        if (v instanceof Float8Vector) {
          Float8Vector x = (Float8Vector) v;
          for (int i = 0; i < rows; i++) {
            out[i] = nulls != null && nulls[i] ? 0 : x.get(i);
          }
        } else if (v instanceof Float4Vector) {
          Float4Vector x = (Float4Vector) v;
          for (int i = 0; i < rows; i++) {
            out[i] = nulls != null && nulls[i] ? 0 : x.get(i);
          }
        } else {
          return null;
        }
        return new DoubleColumn(type, rows, out, nulls);
      }
      case STRING: {
        if (!(v instanceof VarCharVector)) {
          return null;
        }
        VarCharVector x = (VarCharVector) v;
        String[] out = new String[rows];
        for (int i = 0; i < rows; i++) {
          if (nulls == null || !nulls[i]) {
            out[i] = new String(x.get(i), StandardCharsets.UTF_8);
          }
        }
        return new StringColumn(type, rows, out, nulls);
      }
      default:
        return null;
    }
  }

  private static boolean[] nullMask(FieldVector v, int rows) {
    if (v.getNullCount() == 0) {
      return null;
    }
    boolean[] nulls = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      nulls[i] = v.isNull(i);
    }
    return nulls;
  }

  private static void append(ColumnBuilder b, FieldVector v, DataType type, int i) {
    if (v instanceof BaseIntVector && !(v instanceof UInt8Vector)) {
      b.appendLong(((BaseIntVector) v).getValueAsLong(i));
    } else if (v instanceof UInt8Vector) {
      b.appendLong(((UInt8Vector) v).get(i));
    } else if (v instanceof Float8Vector) {
      b.appendDouble(((Float8Vector) v).get(i));
    } else if (v instanceof Float4Vector) {
      b.appendDouble(((Float4Vector) v).get(i));
    } else if (v instanceof Float2Vector) {
      b.appendDouble(((Float2Vector) v).getValueAsFloat(i));
    } else if (v instanceof BitVector) {
      b.appendBoolean(((BitVector) v).get(i) != 0);
    } else if (v instanceof DateDayVector) {
      b.appendLong(((DateDayVector) v).get(i));
    } else if (v instanceof DateMilliVector) {
      b.appendLong(Math.floorDiv(((DateMilliVector) v).get(i), 86_400_000L));
    } else if (v instanceof TimeSecVector) {
      b.appendLong(((TimeSecVector) v).get(i) * 1000L);
    } else if (v instanceof TimeMilliVector) {
      b.appendLong(((TimeMilliVector) v).get(i));
    } else if (v instanceof TimeMicroVector) {
      b.appendLong(((TimeMicroVector) v).get(i) / 1000L);
    } else if (v instanceof TimeNanoVector) {
      b.appendLong(((TimeNanoVector) v).get(i) / 1_000_000L);
    } else if (v instanceof TimeStampVector) {
      TimeStampVector t = (TimeStampVector) v;
      long raw = t.get(i);
      switch (((ArrowType.Timestamp) t.getField().getType()).getUnit()) {
        case SECOND: b.appendLong(raw * 1000L); break;
        case MILLISECOND: b.appendLong(raw); break;
        case MICROSECOND: b.appendLong(Math.floorDiv(raw, 1000L)); break;
        default: b.appendLong(Math.floorDiv(raw, 1_000_000L)); break;
      }
    } else if (v instanceof DecimalVector) {
      BigDecimal d = ((DecimalVector) v).getObject(i);
      if (type.kind() == io.velaria.engine.type.TypeKind.DECIMAL) {
        b.appendLong(d.unscaledValue().longValue());
      } else {
        b.appendDouble(d.doubleValue());
      }
    } else if (v instanceof VarBinaryVector) {
      b.appendBytes(((VarBinaryVector) v).get(i));
    } else if (v instanceof LargeVarBinaryVector) {
      b.appendBytes(((LargeVarBinaryVector) v).get(i));
    } else if (v instanceof FixedSizeBinaryVector) {
      b.appendBytes(((FixedSizeBinaryVector) v).get(i));
    } else if (v instanceof FixedSizeListVector
        && type.kind() == io.velaria.engine.type.TypeKind.VECTOR) {
      FixedSizeListVector l = (FixedSizeListVector) v;
      int n = l.getListSize();
      FieldVector data = l.getDataVector();
      float[] out = new float[n];
      for (int k = 0; k < n; k++) {
        int at = i * n + k;
        if (data instanceof Float4Vector) {
          out[k] = data.isNull(at) ? Float.NaN : ((Float4Vector) data).get(at);
        } else if (data instanceof Float8Vector) {
          out[k] = data.isNull(at) ? Float.NaN : (float) ((Float8Vector) data).get(at);
        } else {
          out[k] = data.isNull(at) ? Float.NaN : ((BaseIntVector) data).getValueAsLong(at);
        }
      }
      b.appendVector(out);
    } else {
      Object o = v.getObject(i);
      b.appendString(o == null ? null : o.toString());
    }
  }
}
