package io.velaria.engine.exec.hash;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * Stores fixed-dimension float vectors contiguously, like {@link FloatArrayColumn}. The plan's
 * type may not know the dimension (Calcite's array types carry no length); then the store takes
 * it, and the type of the columns it builds, from the first column bound to it.
 */
public final class VectorStore extends ColumnStore {
  private int dim;
  private DataType valueType;
  private float[] values = new float[0];
  private float[] row;

  VectorStore(DataType type) {
    super(type);
    this.dim = type.dimension();
    this.valueType = type;
  }

  @Override
  public long bytesPerEntry() {
    return 4L * dim;
  }

  @Override
  protected void resize(int n) {
    values = Arrays.copyOf(values, n * dim);
  }

  @Override
  protected void bindValues(Column c) {
    FloatArrayColumn v = (FloatArrayColumn) c;
    if (dim == 0 && v.dimension() > 0) {
      // first vectors seen: room for every entry allocated so far (all NULL until now)
      dim = v.dimension();
      valueType = v.type();
      values = new float[capacity * dim];
    }
    row = v.values();
  }

  @Override
  protected void copyRow(int index, int r) {
    System.arraycopy(row, r * dim, values, index * dim, dim);
  }

  @Override
  protected boolean valueEquals(int index, int r) {
    // Arrays.equals on floats compares bit patterns (NaN equals NaN), as grouping wants.
    return Arrays.equals(values, index * dim, index * dim + dim, row, r * dim, r * dim + dim);
  }

  @Override
  protected Column buildValues(int from, int count, boolean[] n) {
    return new FloatArrayColumn(valueType, count,
        Arrays.copyOfRange(values, from * dim, (from + count) * dim), n);
  }

  @Override
  protected Column gatherValues(int[] ids, int count, boolean[] n) {
    float[] out = new float[count * dim];
    for (int i = 0; i < count; i++) {
      System.arraycopy(values, ids[i] * dim, out, i * dim, dim);
    }
    return new FloatArrayColumn(valueType, count, out, n);
  }
}
