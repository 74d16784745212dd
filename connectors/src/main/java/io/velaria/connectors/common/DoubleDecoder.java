package io.velaria.connectors.common;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.util.Arrays;

/** DOUBLE and REAL (rounded to float precision) into a double[]. */
final class DoubleDecoder extends ColumnDecoder {
  private double[] values;

  DoubleDecoder(DataType type, int capacity) {
    super(type, capacity);
    values = new double[capacity];
  }

  @Override
  protected int decodeValue(byte[] b, int s, int e, int row) {
    if (!TextParsers.parseDouble(b, s, e, values, row, true)) {
      return TextParsers.INVALID;
    }
    if (type.kind() == TypeKind.REAL) {
      values[row] = (float) values[row];
    }
    return TextParsers.OK;
  }

  @Override
  protected Column build(int rows, boolean[] nulls) {
    double[] v = rows == capacity ? values : Arrays.copyOf(values, rows);
    values = new double[capacity];
    return new DoubleColumn(type, rows, v, nulls);
  }
}
