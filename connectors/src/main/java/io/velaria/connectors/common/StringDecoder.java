package io.velaria.connectors.common;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.nio.charset.Charset;
import java.util.Arrays;

/** CHAR and VARCHAR: the text as it is (declared lengths are not enforced). */
final class StringDecoder extends ColumnDecoder {
  private final Charset charset;
  private String[] values;

  StringDecoder(DataType type, int capacity, Charset charset) {
    super(type, capacity);
    this.charset = charset;
    values = new String[capacity];
  }

  @Override
  protected boolean isString() {
    return true;
  }

  @Override
  protected int decodeValue(byte[] b, int s, int e, int row) {
    values[row] = new String(b, s, e - s, charset);
    return TextParsers.OK;
  }

  @Override
  protected Column build(int rows, boolean[] nulls) {
    String[] v = rows == capacity ? values : Arrays.copyOf(values, rows);
    values = new String[capacity];
    return new StringColumn(type, rows, v, nulls);
  }
}
