package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/**
 * A VECTOR(n) column: all vectors in one contiguous {@code float[]} of {@code size * n}
 * floats, row i at {@code [i*n, (i+1)*n)}, so scans read memory sequentially.
 */
public final class FloatArrayColumn extends Column {
  private final int dimension;
  private final float[] values;

  public FloatArrayColumn(DataType type, int size, float[] values, boolean[] nulls) {
    super(type, size, nulls);
    this.dimension = type.dimension();
    this.values = values;
  }

  public int dimension() {
    return dimension;
  }

  public float[] values() {
    return values;
  }

  public float[] get(int row) {
    float[] out = new float[dimension];
    System.arraycopy(values, row * dimension, out, 0, dimension);
    return out;
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : get(row);
  }

  @Override
  public Column select(int[] positions, int count) {
    float[] out = new float[count * dimension];
    for (int i = 0; i < count; i++) {
      System.arraycopy(values, positions[i] * dimension, out, i * dimension, dimension);
    }
    return new FloatArrayColumn(type, count, out, selectNulls(positions, count));
  }

  @Override
  public Column slice(int from, int count) {
    float[] out = new float[count * dimension];
    System.arraycopy(values, from * dimension, out, 0, count * dimension);
    return new FloatArrayColumn(type, count, out, sliceNulls(from, count));
  }

  @Override
  public long estimatedBytes() {
    return 16L + values.length * 4L + (nulls == null ? 0 : nulls.length);
  }
}
