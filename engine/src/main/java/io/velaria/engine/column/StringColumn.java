package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/** A column whose values are held in a {@code String[]}. */
public final class StringColumn extends Column {
  private final String[] values;

  public StringColumn(DataType type, int size, String[] values, boolean[] nulls) {
    super(type, size, nulls);
    this.values = values;
  }

  /** The values; entries at NULL rows are undefined. Do not modify. */
  public String[] values() {
    return values;
  }

  public String get(int row) {
    return values[row];
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public Column select(int[] positions, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new StringColumn(type, count, out, selectNulls(positions, count));
  }

  @Override
  public Column slice(int from, int count) {
    String[] out = new String[count];
    System.arraycopy(values, from, out, 0, count);
    return new StringColumn(type, count, out, sliceNulls(from, count));
  }

  @Override
  public long estimatedBytes() {
    return 16L + (long) values.length * (8 + 40) + (nulls == null ? 0 : nulls.length);
  }
}
