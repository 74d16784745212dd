package io.velaria.engine.exec.hash;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * Stores doubles. Equality is grouping equality: -0.0 equals 0.0 and NaN equals NaN, matching
 * the hash in {@link ColumnHasher}.
 */
public final class DoubleStore extends ColumnStore {
  private double[] values = new double[0];
  private double[] row;

  DoubleStore(DataType type) {
    super(type);
  }

  @Override
  public long bytesPerEntry() {
    return 8;
  }

  @Override
  protected void resize(int n) {
    values = Arrays.copyOf(values, n);
  }

  @Override
  protected void bindValues(Column c) {
    row = ((DoubleColumn) c).values();
  }

  @Override
  protected void copyRow(int index, int r) {
    values[index] = row[r];
  }

  @Override
  protected boolean valueEquals(int index, int r) {
    return equal(values[index], row[r]);
  }

  static boolean equal(double a, double b) {
    return a == b || (a != a && b != b);
  }

  @Override
  protected int valueCompare(int index, int r) {
    double a = values[index];
    double b = row[r];
    return a == b ? 0 : Double.compare(a, b);
  }

  @Override
  protected Column buildValues(int from, int count, boolean[] n) {
    return new DoubleColumn(type, count, Arrays.copyOfRange(values, from, from + count), n);
  }

  @Override
  protected Column gatherValues(int[] ids, int count, boolean[] n) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[ids[i]];
    }
    return new DoubleColumn(type, count, out, n);
  }
}
