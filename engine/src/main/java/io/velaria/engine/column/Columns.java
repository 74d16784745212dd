package io.velaria.engine.column;

import io.velaria.engine.type.DataType;
import java.util.Arrays;
import java.util.List;

/** Helpers that make whole columns. */
public final class Columns {
  private Columns() {}

  /** A column of {@code size} copies of {@code value} (internal representation, or null). */
  public static Column constant(DataType type, Object value, int size) {
    if (value == null) {
      boolean[] nulls = new boolean[size];
      Arrays.fill(nulls, true);
      switch (type.physical()) {
        case LONG: return new LongColumn(type, size, new long[size], nulls);
        case DOUBLE: return new DoubleColumn(type, size, new double[size], nulls);
        case BOOLEAN: return new BooleanColumn(type, size, new boolean[size], nulls);
        case STRING: return new StringColumn(type, size, new String[size], nulls);
        case BYTES: return new BytesColumn(type, size, new byte[size][], nulls);
        case FLOAT_ARRAY:
          return new FloatArrayColumn(type, size, new float[size * type.dimension()], nulls);
        default: throw new IllegalStateException();
      }
    }
    switch (type.physical()) {
      case LONG: {
        long[] v = new long[size];
        Arrays.fill(v, ((Number) value).longValue());
        return new LongColumn(type, size, v, null);
      }
      case DOUBLE: {
        double[] v = new double[size];
        Arrays.fill(v, ((Number) value).doubleValue());
        return new DoubleColumn(type, size, v, null);
      }
      case BOOLEAN: {
        boolean[] v = new boolean[size];
        Arrays.fill(v, (Boolean) value);
        return new BooleanColumn(type, size, v, null);
      }
      case STRING: {
        String[] v = new String[size];
        Arrays.fill(v, value.toString());
        return new StringColumn(type, size, v, null);
      }
      case BYTES: {
        byte[][] v = new byte[size][];
        Arrays.fill(v, (byte[]) value);
        return new BytesColumn(type, size, v, null);
      }
      case FLOAT_ARRAY: {
        float[] one = (float[]) value;
        if (type.isVectorOfAnyDimension()) {
          type = DataType.vector(Math.max(1, one.length));
        }
        float[] v = new float[size * one.length];
        for (int i = 0; i < size; i++) {
          System.arraycopy(one, 0, v, i * one.length, one.length);
        }
        return new FloatArrayColumn(type, size, v, null);
      }
      default: throw new IllegalStateException();
    }
  }

  /** Concatenates columns of one type. */
  public static Column concat(DataType type, List<Column> parts) {
    int total = 0;
    for (Column c : parts) {
      total += c.size();
    }
    ColumnBuilder b = new ColumnBuilder(type, total);
    for (Column c : parts) {
      for (int i = 0; i < c.size(); i++) {
        b.appendFrom(c, i);
      }
    }
    return b.build();
  }
}
