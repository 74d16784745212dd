package io.velaria.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;

/** A VECTOR value as a JDBC Array of REAL: {@code getArray()} returns a {@code Float[]}. */
final class VectorArray implements Array {
  private final float[] values;
  private final ArrayImpl.Factory factory;

  VectorArray(float[] values, ArrayImpl.Factory factory) {
    this.values = values;
    this.factory = factory;
  }

  @Override
  public String getBaseTypeName() {
    return "REAL";
  }

  @Override
  public int getBaseType() {
    return Types.REAL;
  }

  @Override
  public Object getArray() {
    return slice(1, values.length);
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) {
    return getArray();
  }

  /** Elements from the 1-based {@code index}, at most {@code count} of them. */
  @Override
  public Object getArray(long index, int count) throws SQLException {
    return slice(index, count);
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return slice(index, count);
  }

  private Float[] slice(long index, int count) {
    int from = (int) Math.max(0, Math.min(values.length, index - 1));
    int to = Math.min(values.length, from + Math.max(0, count));
    Float[] out = new Float[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = values[i];
    }
    return out;
  }

  /** Rows of (INDEX, VALUE) as JDBC specifies, built by Avatica's array factory. */
  @Override
  public ResultSet getResultSet() throws SQLException {
    return getResultSet(1, values.length);
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    List<Object> elements = new ArrayList<>();
    for (Float f : slice(index, count)) {
      elements.add(f);
    }
    return factory.create(ColumnMetaData.scalar(Types.REAL, "REAL", ColumnMetaData.Rep.FLOAT),
        elements);
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    return getResultSet(index, count);
  }

  @Override
  public void free() {
    // plain heap array; nothing to release
  }

  @Override
  public String toString() {
    return java.util.Arrays.toString(values);
  }
}
