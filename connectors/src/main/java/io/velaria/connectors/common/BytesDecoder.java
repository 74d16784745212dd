package io.velaria.connectors.common;

import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** VARBINARY from hex text, optionally prefixed by {@code \x} or {@code 0x}. */
final class BytesDecoder extends ColumnDecoder {
  private byte[][] values;

  BytesDecoder(DataType type, int capacity) {
    super(type, capacity);
    values = new byte[capacity][];
  }

  @Override
  protected int decodeValue(byte[] b, int s, int e, int row) {
    byte[] v = TextParsers.parseHex(b, s, e);
    if (v == null) {
      return TextParsers.INVALID;
    }
    values[row] = v;
    return TextParsers.OK;
  }

  @Override
  protected Column build(int rows, boolean[] nulls) {
    byte[][] v = rows == capacity ? values : Arrays.copyOf(values, rows);
    values = new byte[capacity][];
    return new BytesColumn(type, rows, v, nulls);
  }
}
