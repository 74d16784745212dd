package io.velaria.engine.exec.hash;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** Stores values of LONG physical kind (integers, DECIMAL unscaled, dates, times). */
public final class LongStore extends ColumnStore {
  long[] values = new long[0];
  private long[] row;

  LongStore(DataType type) {
    super(type);
  }

  /** The stored values; entries of NULLs are undefined. */
  public long[] values() {
    return values;
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
    row = ((LongColumn) c).values();
  }

  @Override
  protected void copyRow(int index, int r) {
    values[index] = row[r];
  }

  @Override
  protected boolean valueEquals(int index, int r) {
    return values[index] == row[r];
  }

  @Override
  protected int valueCompare(int index, int r) {
    return Long.compare(values[index], row[r]);
  }

  @Override
  protected Column buildValues(int from, int count, boolean[] n) {
    return new LongColumn(type, count, Arrays.copyOfRange(values, from, from + count), n);
  }

  @Override
  protected Column gatherValues(int[] ids, int count, boolean[] n) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[ids[i]];
    }
    return new LongColumn(type, count, out, n);
  }
}
