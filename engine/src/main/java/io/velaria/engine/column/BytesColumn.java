package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/** A column whose values are held in a {@code byte[][]}. */
public final class BytesColumn extends Column {
  private final byte[][] values;

  public BytesColumn(DataType type, int size, byte[][] values, boolean[] nulls) {
    super(type, size, nulls);
    this.values = values;
  }

  /** The values; entries at NULL rows are undefined. Do not modify. */
  public byte[][] values() {
    return values;
  }

  public byte[] get(int row) {
    return values[row];
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public Column select(int[] positions, int count) {
    byte[][] out = new byte[count][];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new BytesColumn(type, count, out, selectNulls(positions, count));
  }

  @Override
  public Column slice(int from, int count) {
    byte[][] out = new byte[count][];
    System.arraycopy(values, from, out, 0, count);
    return new BytesColumn(type, count, out, sliceNulls(from, count));
  }

  @Override
  public long estimatedBytes() {
    return 16L + (long) values.length * (8 + 24) + (nulls == null ? 0 : nulls.length);
  }
}
