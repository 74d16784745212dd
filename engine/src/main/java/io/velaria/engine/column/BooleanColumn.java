package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/** A column whose values are held in a {@code boolean[]}. */
public final class BooleanColumn extends Column {
  private final boolean[] values;

  public BooleanColumn(DataType type, int size, boolean[] values, boolean[] nulls) {
    super(type, size, nulls);
    this.values = values;
  }

  /** The values; entries at NULL rows are undefined. Do not modify. */
  public boolean[] values() {
    return values;
  }

  public boolean get(int row) {
    return values[row];
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : (Boolean) values[row];
  }

  @Override
  public Column select(int[] positions, int count) {
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new BooleanColumn(type, count, out, selectNulls(positions, count));
  }

  @Override
  public Column slice(int from, int count) {
    boolean[] out = new boolean[count];
    System.arraycopy(values, from, out, 0, count);
    return new BooleanColumn(type, count, out, sliceNulls(from, count));
  }

  @Override
  public long estimatedBytes() {
    return 16L + (long) values.length * 1 + (nulls == null ? 0 : nulls.length);
  }
}
