package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/** A column whose values are held in a {@code long[]}. */
public final class LongColumn extends Column {
  private final long[] values;

  public LongColumn(DataType type, int size, long[] values, boolean[] nulls) {
    super(type, size, nulls);
    this.values = values;
  }

  /** The values; entries at NULL rows are undefined. Do not modify. */
  public long[] values() {
    return values;
  }

  public long get(int row) {
    return values[row];
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : (Long) values[row];
  }

  @Override
  public Column select(int[] positions, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new LongColumn(type, count, out, selectNulls(positions, count));
  }

  @Override
  public Column slice(int from, int count) {
    long[] out = new long[count];
    System.arraycopy(values, from, out, 0, count);
    return new LongColumn(type, count, out, sliceNulls(from, count));
  }

  @Override
  public long estimatedBytes() {
    return 16L + (long) values.length * 8 + (nulls == null ? 0 : nulls.length);
  }
}
