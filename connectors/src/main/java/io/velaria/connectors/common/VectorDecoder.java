package io.velaria.connectors.common;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** VECTOR(n) from {@code [1 2 3]} or {@code [1,2,3]}; a wrong dimension is invalid. */
final class VectorDecoder extends ColumnDecoder {
  private final int dimension;
  private final double[] scratch = new double[1];
  private float[] values;

  VectorDecoder(DataType type, int capacity) {
    super(type, capacity);
    dimension = type.dimension();
    values = new float[capacity * dimension];
  }

  @Override
  protected int decodeValue(byte[] b, int s, int e, int row) {
    int n = TextParsers.parseVector(b, s, e, values, row * dimension, dimension, scratch);
    return n == dimension ? TextParsers.OK : TextParsers.INVALID;
  }

  @Override
  protected Column build(int rows, boolean[] nulls) {
    float[] v = rows == capacity ? values : Arrays.copyOf(values, rows * dimension);
    values = new float[capacity * dimension];
    return new FloatArrayColumn(type, rows, v, nulls);
  }
}
