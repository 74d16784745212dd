package io.velaria.connectors.common;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** BOOLEAN from true/false/t/f/1/0/yes/no/y/n in any case. */
final class BooleanDecoder extends ColumnDecoder {
  private boolean[] values;

  BooleanDecoder(DataType type, int capacity) {
    super(type, capacity);
    values = new boolean[capacity];
  }

  @Override
  protected int decodeValue(byte[] b, int s, int e, int row) {
    int v = TextParsers.parseBoolean(b, s, e);
    if (v < 0) {
      return TextParsers.INVALID;
    }
    values[row] = v == 1;
    return TextParsers.OK;
  }

  @Override
  protected Column build(int rows, boolean[] nulls) {
    boolean[] v = rows == capacity ? values : Arrays.copyOf(values, rows);
    values = new boolean[capacity];
    return new BooleanColumn(type, rows, v, nulls);
  }
}
