package io.velaria.engine.column;

import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * Appends values of one type and builds a {@link Column}. Typed append methods avoid boxing;
 * {@link #appendObject} takes the internal representation described in {@link Column#getObject}.
 */
public final class ColumnBuilder {
  private final DataType type;
  private int size;
  private boolean[] nulls;
  private long[] longs;
  private double[] doubles;
  private boolean[] booleans;
  private Object[] objects;
  private float[] floats;
  /** Vector dimension; 0 until the first vector arrives for a VECTOR of any dimension. */
  private int dimension;
  private DataType builtType;

  public ColumnBuilder(DataType type) {
    this(type, 64);
  }

  public ColumnBuilder(DataType type, int capacity) {
    this.type = type;
    this.builtType = type;
    capacity = Math.max(capacity, 8);
    this.dimension = type.physical() == io.velaria.engine.type.PhysicalKind.FLOAT_ARRAY
        ? type.dimension() : 0;
    switch (type.physical()) {
      case LONG: longs = new long[capacity]; break;
      case DOUBLE: doubles = new double[capacity]; break;
      case BOOLEAN: booleans = new boolean[capacity]; break;
      case STRING: objects = new String[capacity]; break;
      case BYTES: objects = new byte[capacity][]; break;
      case FLOAT_ARRAY: floats = new float[capacity * Math.max(dimension, 1)]; break;
      default: throw new IllegalStateException();
    }
  }

  public DataType type() {
    return type;
  }

  public int size() {
    return size;
  }

  private int capacity() {
    switch (type.physical()) {
      case LONG: return longs.length;
      case DOUBLE: return doubles.length;
      case BOOLEAN: return booleans.length;
      case FLOAT_ARRAY: return floats.length / Math.max(dimension, 1);
      default: return objects.length;
    }
  }

  private void ensure() {
    int cap = capacity();
    if (size < cap) {
      return;
    }
    int n = Math.max(16, cap * 2);
    switch (type.physical()) {
      case LONG: longs = Arrays.copyOf(longs, n); break;
      case DOUBLE: doubles = Arrays.copyOf(doubles, n); break;
      case BOOLEAN: booleans = Arrays.copyOf(booleans, n); break;
      case FLOAT_ARRAY: floats = Arrays.copyOf(floats, n * Math.max(dimension, 1)); break;
      default: objects = Arrays.copyOf(objects, n); break;
    }
    if (nulls != null) {
      nulls = Arrays.copyOf(nulls, n);
    }
  }

  public void appendNull() {
    ensure();
    if (nulls == null) {
      nulls = new boolean[capacity()];
    }
    nulls[size++] = true;
  }

  public void appendLong(long v) {
    ensure();
    longs[size++] = v;
  }

  public void appendDouble(double v) {
    ensure();
    doubles[size++] = v;
  }

  public void appendBoolean(boolean v) {
    ensure();
    booleans[size++] = v;
  }

  public void appendString(String v) {
    if (v == null) {
      appendNull();
      return;
    }
    ensure();
    objects[size++] = v;
  }

  public void appendBytes(byte[] v) {
    if (v == null) {
      appendNull();
      return;
    }
    ensure();
    objects[size++] = v;
  }

  public void appendVector(float[] v) {
    if (v == null) {
      appendNull();
      return;
    }
    if (dimension == 0) {
      // first vector of a VECTOR of any dimension: it decides the column's dimension
      dimension = v.length;
      builtType = DataType.vector(dimension);
      floats = new float[capacity() * dimension];
    }
    if (v.length != dimension) {
      throw new IllegalArgumentException(
          "vector of dimension " + v.length + " for a " + type.sqlName() + " column");
    }
    ensure();
    System.arraycopy(v, 0, floats, size * dimension, dimension);
    size++;
  }

  /** Appends a value in the internal representation, or NULL. */
  public void appendObject(Object v) {
    if (v == null) {
      appendNull();
      return;
    }
    switch (type.physical()) {
      case LONG: appendLong(((Number) v).longValue()); break;
      case DOUBLE: appendDouble(((Number) v).doubleValue()); break;
      case BOOLEAN: appendBoolean((Boolean) v); break;
      case STRING: appendString(v.toString()); break;
      case BYTES: appendBytes((byte[]) v); break;
      case FLOAT_ARRAY: appendVector((float[]) v); break;
      default: throw new IllegalStateException();
    }
  }

  /** Appends row {@code row} of a column of the same physical kind. */
  public void appendFrom(Column c, int row) {
    if (c.isNull(row)) {
      appendNull();
      return;
    }
    switch (type.physical()) {
      case LONG: appendLong(((LongColumn) c).get(row)); break;
      case DOUBLE: appendDouble(((DoubleColumn) c).get(row)); break;
      case BOOLEAN: appendBoolean(((BooleanColumn) c).get(row)); break;
      case STRING: appendString(((StringColumn) c).get(row)); break;
      case BYTES: appendBytes(((BytesColumn) c).get(row)); break;
      case FLOAT_ARRAY: appendVector(((FloatArrayColumn) c).get(row)); break;
      default: throw new IllegalStateException();
    }
  }

  public Column build() {
    boolean[] n = null;
    if (nulls != null) {
      n = Arrays.copyOf(nulls, size);
    }
    switch (type.physical()) {
      case LONG: return new LongColumn(type, size, Arrays.copyOf(longs, size), n);
      case DOUBLE: return new DoubleColumn(type, size, Arrays.copyOf(doubles, size), n);
      case BOOLEAN: return new BooleanColumn(type, size, Arrays.copyOf(booleans, size), n);
      case STRING:
        return new StringColumn(type, size, Arrays.copyOf(objects, size, String[].class), n);
      case BYTES:
        return new BytesColumn(type, size, Arrays.copyOf(objects, size, byte[][].class), n);
      case FLOAT_ARRAY: {
        DataType t = builtType.isVectorOfAnyDimension() ? DataType.vector(1) : builtType;
        return new FloatArrayColumn(t, size, Arrays.copyOf(floats, size * t.dimension()), n);
      }
      default: throw new IllegalStateException();
    }
  }

  /** Builds the column and starts over empty, keeping the type. */
  public Column buildAndReset() {
    Column c = build();
    size = 0;
    nulls = null;
    return c;
  }
}
