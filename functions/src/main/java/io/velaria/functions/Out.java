package io.velaria.functions;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;

/** The result arrays of one batch; a function writes its row's value straight into them. */
public final class Out {
  private final int size;
  long[] longs;
  double[] doubles;
  String[] strings;
  boolean[] booleans;
  private boolean[] nulls;
  private boolean sharedNulls;

  Out(DataType type, int size, boolean[] inputNulls) {
    this.size = size;
    this.nulls = inputNulls;
    this.sharedNulls = inputNulls != null;
    switch (type.physical()) {
      case LONG: longs = new long[size]; break;
      case DOUBLE: doubles = new double[size]; break;
      case BOOLEAN: booleans = new boolean[size]; break;
      case STRING: strings = new String[size]; break;
      default: throw new IllegalArgumentException("functions cannot return " + type);
    }
  }

  public void setLong(int row, long v) {
    longs[row] = v;
  }

  public void setDouble(int row, double v) {
    doubles[row] = v;
  }

  public void setBoolean(int row, boolean v) {
    booleans[row] = v;
  }

  /** A null string makes the row NULL. */
  public void setString(int row, String v) {
    if (v == null) {
      setNull(row);
    } else {
      strings[row] = v;
    }
  }

  public void setNull(int row) {
    if (nulls == null) {
      nulls = new boolean[size];
    } else if (sharedNulls) {
      nulls = nulls.clone();
      sharedNulls = false;
    }
    nulls[row] = true;
  }

  Column build(DataType type) {
    switch (type.physical()) {
      case LONG: return new LongColumn(type, size, longs, nulls);
      case DOUBLE: return new DoubleColumn(type, size, doubles, nulls);
      case BOOLEAN: return new BooleanColumn(type, size, booleans, nulls);
      default: return new StringColumn(type, size, strings, nulls);
    }
  }
}
