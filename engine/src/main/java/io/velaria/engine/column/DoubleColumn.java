package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/** A column whose values are held in a {@code double[]}. */
public final class DoubleColumn extends Column {
  private final double[] values;

  public DoubleColumn(DataType type, int size, double[] values, boolean[] nulls) {
    super(type, size, nulls);
    this.values = values;
  }

  /** The values; entries at NULL rows are undefined. Do not modify. */
  public double[] values() {
    return values;
  }

  public double get(int row) {
    return values[row];
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : (Double) values[row];
  }

  @Override
  public Column select(int[] positions, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new DoubleColumn(type, count, out, selectNulls(positions, count));
  }

  @Override
  public Column slice(int from, int count) {
    double[] out = new double[count];
    System.arraycopy(values, from, out, 0, count);
    return new DoubleColumn(type, count, out, sliceNulls(from, count));
  }

  @Override
  public long estimatedBytes() {
    return 16L + (long) values.length * 8 + (nulls == null ? 0 : nulls.length);
  }
}
