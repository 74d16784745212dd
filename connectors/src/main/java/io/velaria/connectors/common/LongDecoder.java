package io.velaria.connectors.common;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** Integral types (range-checked), DECIMAL, DATE, TIME and TIMESTAMP into a long[]. */
final class LongDecoder extends ColumnDecoder {
  private long[] values;
  private final long min;
  private final long max;

  LongDecoder(DataType type, int capacity) {
    super(type, capacity);
    values = new long[capacity];
    switch (type.kind()) {
      case TINYINT: min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; break;
      case SMALLINT: min = Short.MIN_VALUE; max = Short.MAX_VALUE; break;
      case INTEGER: min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; break;
      default: min = Long.MIN_VALUE; max = Long.MAX_VALUE; break;
    }
  }

  @Override
  protected int decodeValue(byte[] b, int s, int e, int row) {
    switch (type.kind()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT: {
        int r = TextParsers.parseLong(b, s, e, values, row);
        if (r == TextParsers.OK && (values[row] < min || values[row] > max)) {
          return TextParsers.OUT_OF_RANGE;
        }
        return r;
      }
      case DECIMAL:
        return TextParsers.parseDecimal(b, s, e, type.precision(), type.scale(), values, row);
      case DATE:
        return code(TextParsers.parseDate(b, s, e, values, row));
      case TIME:
        return code(TextParsers.parseTime(b, s, e, values, row));
      case TIMESTAMP:
        return code(TextParsers.parseTimestamp(b, s, e, values, row));
      default:
        return TextParsers.INVALID;
    }
  }

  static int code(boolean ok) {
    return ok ? TextParsers.OK : TextParsers.INVALID;
  }

  @Override
  protected Column build(int rows, boolean[] nulls) {
    long[] v = rows == capacity ? values : Arrays.copyOf(values, rows);
    values = new long[capacity];
    return new LongColumn(type, rows, v, nulls);
  }
}
