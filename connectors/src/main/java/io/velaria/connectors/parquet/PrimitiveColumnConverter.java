package io.velaria.connectors.parquet;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Receives the values of one flat Parquet column from its {@code ColumnReader} and writes them
 * straight into the primitive array of the batch being built (no boxing, no per-value
 * builder). The row to write is set by the caller before each value. Dictionary-encoded
 * chunks are converted once per dictionary: each entry is decoded (strings, decimals,
 * timestamps) when the dictionary arrives, and each row then copies its entry by id.
 */
final class PrimitiveColumnConverter extends PrimitiveConverter {
  private static final double[] POW10 = new double[23];
  private static final long EXACT_DOUBLE = 1L << 53;
  private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG = java.lang.invoke
      .MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private final ParquetField field;
  private final DataType type;
  private final int kind;
  /** The row the next value goes to. */
  int row;
  private long[] longs;
  private double[] doubles;
  private boolean[] booleans;
  private Object[] objects;
  private boolean[] nulls;
  // the current dictionary, converted: one of these is set
  private long[] dictLongs;
  private double[] dictDoubles;
  private Object[] dictObjects;
  private boolean[] dictBooleans;

  PrimitiveColumnConverter(ParquetField field) {
    this.field = field;
    this.type = field.type;
    this.kind = field.kind;
  }

  /** Starts a batch of {@code n} rows with fresh arrays (built columns keep theirs). */
  void start(int n) {
    nulls = null;
    switch (type.physical()) {
      case LONG: longs = new long[n]; break;
      case DOUBLE: doubles = new double[n]; break;
      case BOOLEAN: booleans = new boolean[n]; break;
      case STRING: objects = new String[n]; break;
      case BYTES: objects = new byte[n][]; break;
      default: throw new IllegalStateException("not a flat column: " + type);
    }
  }

  void setNull(int r, int n) {
    if (nulls == null) {
      nulls = new boolean[n];
    }
    nulls[r] = true;
  }

  Column build(int n) {
    switch (type.physical()) {
      case LONG: return new LongColumn(type, n, longs, nulls);
      case DOUBLE: return new DoubleColumn(type, n, doubles, nulls);
      case BOOLEAN: return new BooleanColumn(type, n, booleans, nulls);
      case STRING: return new StringColumn(type, n, (String[]) objects, nulls);
      default: return new BytesColumn(type, n, (byte[][]) objects, nulls);
    }
  }

  // ---- plain values

  @Override
  public void addBoolean(boolean value) {
    booleans[row] = value;
  }

  @Override
  public void addInt(int value) {
    switch (kind) {
      case ParquetField.UINT32: longs[row] = value & 0xFFFF_FFFFL; break;
      case ParquetField.INT32_DEC_DOUBLE: doubles[row] = decimalDouble(value, field.scale); break;
      default: longs[row] = value; break;
    }
  }

  @Override
  public void addLong(long value) {
    switch (kind) {
      case ParquetField.INT64_DIV: longs[row] = Math.floorDiv(value, field.divisor); break;
      case ParquetField.INT64_DEC_DOUBLE: doubles[row] = decimalDouble(value, field.scale); break;
      default: longs[row] = value; break;
    }
  }

  @Override
  public void addFloat(float value) {
    doubles[row] = value;
  }

  @Override
  public void addDouble(double value) {
    doubles[row] = value;
  }

  @Override
  public void addBinary(Binary value) {
    if (kind == ParquetField.INT96) {
      longs[row] = ParquetField.int96Millis(value);
      return;
    }
    ByteBuffer bb = value.toByteBuffer();
    if (bb.hasArray()) {
      addBytes(bb.array(), bb.arrayOffset() + bb.position(), bb.remaining());
    } else {
      byte[] b = value.getBytes();
      addBytes(b, 0, b.length);
    }
  }

  /** A BINARY or FIXED_LEN_BYTE_ARRAY value held in {@code b[off, off + len)}. */
  void addBytes(byte[] b, int off, int len) {
    switch (kind) {
      case ParquetField.STRING:
        objects[row] = new String(b, off, len, StandardCharsets.UTF_8);
        break;
      case ParquetField.DEC_BINARY: { // an exact decimal of up to 18 digits
        long v = unscaledLong(b, off, len);
        longs[row] = v != Long.MIN_VALUE || len <= 8 ? v
            : new BigInteger(b, off, len).longValue();
        break;
      }
      case ParquetField.DEC_DOUBLE: { // a decimal wider than 18 digits read as DOUBLE
        long v = unscaledLong(b, off, len);
        doubles[row] = v != Long.MIN_VALUE ? decimalDouble(v, field.scale)
            : new BigDecimal(new BigInteger(b, off, len), field.scale).doubleValue();
        break;
      }
      case ParquetField.UUID_TEXT: {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        objects[row] = new UUID(bb.getLong(off), bb.getLong(off + 8)).toString();
        break;
      }
      default:
        objects[row] = Arrays.copyOfRange(b, off, off + len);
        break;
    }
  }

  /**
   * The big-endian two's complement integer in {@code b[off, off + len)} as a long, or
   * Long.MIN_VALUE when it does not fit (or is Long.MIN_VALUE itself: callers then take the
   * slow exact path).
   */
  static long unscaledLong(byte[] b, int off, int len) {
    if (len >= 8) {
      long v = (long) BIG_ENDIAN_LONG.get(b, off + len - 8);
      byte sign = v < 0 ? (byte) -1 : 0;
      for (int i = off; i < off + len - 8; i++) {
        if (b[i] != sign) {
          return Long.MIN_VALUE;
        }
      }
      return v;
    }
    long v = 0;
    for (int i = off; i < off + len; i++) {
      v = i == off ? b[i] : (v << 8) | (b[i] & 0xFF); // the first byte carries the sign
    }
    return v;
  }

  /** unscaled / 10^scale rounded once, as BigDecimal.doubleValue() would. */
  static double decimalDouble(long unscaled, int scale) {
    if (scale >= 0 && scale < POW10.length && unscaled > -EXACT_DOUBLE
        && unscaled < EXACT_DOUBLE) {
      return scale == 0 ? (double) unscaled : unscaled / POW10[scale];
    }
    return BigDecimal.valueOf(unscaled, scale).doubleValue();
  }

  // ---- dictionary-encoded values

  @Override
  public boolean hasDictionarySupport() {
    return true;
  }

  @Override
  public void setDictionary(Dictionary dictionary) {
    int size = dictionary.getMaxId() + 1;
    dictLongs = null;
    dictDoubles = null;
    dictObjects = null;
    dictBooleans = null;
    // decode each entry once, through the same conversions as plain values
    int savedRow = row;
    long[] l = longs;
    double[] d = doubles;
    Object[] o = objects;
    boolean[] bo = booleans;
    switch (type.physical()) {
      case LONG: longs = new long[size]; break;
      case DOUBLE: doubles = new double[size]; break;
      case BOOLEAN: booleans = new boolean[size]; break;
      default: objects = new Object[size]; break;
    }
    for (int id = 0; id < size; id++) {
      row = id;
      switch (field.field.asPrimitiveType().getPrimitiveTypeName()) {
        case INT32: addInt(dictionary.decodeToInt(id)); break;
        case INT64: addLong(dictionary.decodeToLong(id)); break;
        case FLOAT: addFloat(dictionary.decodeToFloat(id)); break;
        case DOUBLE: addDouble(dictionary.decodeToDouble(id)); break;
        case BOOLEAN: addBoolean(dictionary.decodeToBoolean(id)); break;
        default: addBinary(dictionary.decodeToBinary(id)); break;
      }
    }
    switch (type.physical()) {
      case LONG: dictLongs = longs; break;
      case DOUBLE: dictDoubles = doubles; break;
      case BOOLEAN: dictBooleans = booleans; break;
      default: dictObjects = objects; break;
    }
    longs = l;
    doubles = d;
    objects = o;
    booleans = bo;
    row = savedRow;
  }

  @Override
  public void addValueFromDictionary(int id) {
    switch (type.physical()) {
      case LONG: longs[row] = dictLongs[id]; break;
      case DOUBLE: doubles[row] = dictDoubles[id]; break;
      case BOOLEAN: booleans[row] = dictBooleans[id]; break;
      case STRING: objects[row] = dictObjects[id]; break;
      default: {
        byte[] v = (byte[]) dictObjects[id];
        objects[row] = Arrays.copyOf(v, v.length); // byte arrays are not shared between rows
        break;
      }
    }
  }
}
