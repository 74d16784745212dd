package io.velaria.connectors.parquet;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How one top-level Parquet field reads into an engine column: a primitive column read with a
 * column reader and converted by {@link #kind}, a list of numbers read as VECTOR(n), or any
 * other nested field rendered as JSON text.
 */
final class ParquetField {
  enum Shape { PRIMITIVE, VECTOR, JSON }

  // conversions of primitive values
  static final int BOOL = 0;
  static final int INT32 = 1;
  static final int UINT32 = 2;
  static final int INT64 = 3;
  static final int INT64_DIV = 4;
  static final int INT96 = 5;
  static final int FLOAT = 6;
  static final int DOUBLE = 7;
  static final int STRING = 8;
  static final int BYTES = 9;
  static final int DEC_BINARY = 10;
  static final int DEC_DOUBLE = 11;
  static final int UUID_TEXT = 12;
  static final int INT32_DEC_DOUBLE = 13;
  static final int INT64_DEC_DOUBLE = 14;

  final Type field;
  final Shape shape;
  final DataType type;
  final int kind;
  final long divisor;
  final int scale;

  private ParquetField(Type field, Shape shape, DataType type, int kind, long divisor,
      int scale) {
    this.field = field;
    this.shape = shape;
    this.type = type;
    this.kind = kind;
    this.divisor = divisor;
    this.scale = scale;
  }

  /** The mapping of a top-level field; {@code vectorDimension} > 0 when lists read as vectors. */
  static ParquetField of(Type field, int vectorDimension) {
    if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
      return primitive(field.asPrimitiveType());
    }
    if (vectorDimension > 0 && isNumberList(field)) {
      return new ParquetField(field, Shape.VECTOR, DataType.vector(vectorDimension), -1, 1, 0);
    }
    return new ParquetField(field, Shape.JSON, DataType.VARCHAR, -1, 1, 0);
  }

  /** A list of FLOAT/DOUBLE/INT: 3-level LIST, 2-level LIST or a repeated primitive. */
  static boolean isNumberList(Type field) {
    return numberElement(field) != null;
  }

  /** The element type of a list of numbers, or null. */
  static PrimitiveType numberElement(Type field) {
    Type t = field;
    if (t.isPrimitive()) {
      return t.isRepetition(Type.Repetition.REPEATED) && isNumber(t.asPrimitiveType()) ? t
          .asPrimitiveType() : null;
    }
    GroupType g = t.asGroupType();
    if (!(g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
        || g.getFieldCount() != 1) {
      return null;
    }
    Type rep = g.getType(0);
    if (!rep.isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    if (rep.isPrimitive()) {
      return isNumber(rep.asPrimitiveType()) ? rep.asPrimitiveType() : null;
    }
    GroupType rg = rep.asGroupType();
    if (rg.getFieldCount() != 1 || !rg.getType(0).isPrimitive()
        || rg.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    PrimitiveType e = rg.getType(0).asPrimitiveType();
    return isNumber(e) ? e : null;
  }

  private static boolean isNumber(PrimitiveType p) {
    switch (p.getPrimitiveTypeName()) {
      case FLOAT:
      case DOUBLE:
        return true;
      case INT32:
      case INT64:
        return p.getLogicalTypeAnnotation() == null
            || p.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation;
      default:
        return false;
    }
  }

  static ParquetField primitive(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return prim(p, DataType.BOOLEAN, BOOL);
      case INT32:
        if (a instanceof DateLogicalTypeAnnotation) {
          return prim(p, DataType.DATE, INT32);
        }
        if (a instanceof TimeLogicalTypeAnnotation) {
          return prim(p, DataType.TIME, INT32);
        }
        if (a instanceof DecimalLogicalTypeAnnotation) {
          DecimalLogicalTypeAnnotation d = (DecimalLogicalTypeAnnotation) a;
          return decimal(p, d, INT32, INT32_DEC_DOUBLE);
        }
        if (a instanceof IntLogicalTypeAnnotation) {
          IntLogicalTypeAnnotation i = (IntLogicalTypeAnnotation) a;
          if (!i.isSigned()) {
            return prim(p, i.getBitWidth() < 16 ? DataType.SMALLINT
                : i.getBitWidth() < 32 ? DataType.INTEGER : DataType.BIGINT,
                i.getBitWidth() == 32 ? UINT32 : INT32);
          }
          return prim(p, i.getBitWidth() == 8 ? DataType.TINYINT : i.getBitWidth() == 16
              ? DataType.SMALLINT : DataType.INTEGER, INT32);
        }
        return prim(p, DataType.INTEGER, INT32);
      case INT64:
        if (a instanceof TimestampLogicalTypeAnnotation) {
          return new ParquetField(p, Shape.PRIMITIVE, DataType.TIMESTAMP, INT64_DIV,
              unitsPerMilli(((TimestampLogicalTypeAnnotation) a).getUnit()), 0);
        }
        if (a instanceof TimeLogicalTypeAnnotation) {
          return new ParquetField(p, Shape.PRIMITIVE, DataType.TIME, INT64_DIV,
              unitsPerMilli(((TimeLogicalTypeAnnotation) a).getUnit()), 0);
        }
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return decimal(p, (DecimalLogicalTypeAnnotation) a, INT64, INT64_DEC_DOUBLE);
        }
        return prim(p, DataType.BIGINT, INT64);
      case INT96:
        return prim(p, DataType.TIMESTAMP, INT96);
      case FLOAT:
        return prim(p, DataType.REAL, FLOAT);
      case DOUBLE:
        return prim(p, DataType.DOUBLE, DOUBLE);
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return decimal(p, (DecimalLogicalTypeAnnotation) a, DEC_BINARY, DEC_DOUBLE);
        }
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          return prim(p, DataType.VARCHAR, UUID_TEXT);
        }
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return prim(p, DataType.VARCHAR, STRING);
        }
        return prim(p, DataType.VARBINARY, BYTES);
      default:
        throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
            "unsupported Parquet type " + p);
    }
  }

  private static ParquetField decimal(PrimitiveType p, DecimalLogicalTypeAnnotation d,
      int exact, int approx) {
    if (d.getPrecision() <= DataType.MAX_DECIMAL_PRECISION) {
      return new ParquetField(p, Shape.PRIMITIVE, DataType.decimal(d.getPrecision(),
          d.getScale()), exact, 1, d.getScale());
    }
    return new ParquetField(p, Shape.PRIMITIVE, DataType.DOUBLE, approx, 1, d.getScale());
  }

  private static ParquetField prim(PrimitiveType p, DataType t, int kind) {
    return new ParquetField(p, Shape.PRIMITIVE, t, kind, 1, 0);
  }

  private static long unitsPerMilli(LogicalTypeAnnotation.TimeUnit u) {
    switch (u) {
      case MICROS: return 1000L;
      case NANOS: return 1_000_000L;
      default: return 1L;
    }
  }

  /** Milliseconds since the epoch of an INT96 (Impala) timestamp. */
  static long int96Millis(Binary b) {
    ByteBuffer bb = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanos = bb.getLong();
    int julian = bb.getInt();
    return (julian - 2_440_588L) * 86_400_000L + Math.floorDiv(nanos, 1_000_000L);
  }

  /** A statistics or raw value (Integer, Long, Float, Double, Boolean, Binary) as an engine value. */
  Object engineValue(Object raw) {
    if (raw == null) {
      return null;
    }
    switch (kind) {
      case BOOL: return raw;
      case INT32: return (long) (Integer) raw;
      case UINT32: return ((Integer) raw) & 0xFFFF_FFFFL;
      case INT64: return raw;
      case INT64_DIV: return Math.floorDiv((Long) raw, divisor);
      case INT96: return int96Millis((Binary) raw);
      case FLOAT: return (double) (Float) raw;
      case DOUBLE: return raw;
      case STRING: return ((Binary) raw).toStringUsingUTF8();
      case BYTES: return ((Binary) raw).getBytes();
      case DEC_BINARY: return new BigInteger(((Binary) raw).getBytes()).longValue();
      case DEC_DOUBLE:
        return new BigDecimal(new BigInteger(((Binary) raw).getBytes()), scale).doubleValue();
      case INT32_DEC_DOUBLE: return BigDecimal.valueOf((Integer) raw, scale).doubleValue();
      case INT64_DEC_DOUBLE: return BigDecimal.valueOf((Long) raw, scale).doubleValue();
      case UUID_TEXT: {
        ByteBuffer bb = ((Binary) raw).toByteBuffer();
        return new UUID(bb.getLong(), bb.getLong()).toString();
      }
      default: return null;
    }
  }
}
