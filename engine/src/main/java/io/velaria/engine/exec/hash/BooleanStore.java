package io.velaria.engine.exec.hash;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** Stores booleans; false orders before true. */
public final class BooleanStore extends ColumnStore {
  private boolean[] values = new boolean[0];
  private boolean[] row;

  BooleanStore(DataType type) {
    super(type);
  }

  @Override
  public long bytesPerEntry() {
    return 1;
  }

  @Override
  protected void resize(int n) {
    values = Arrays.copyOf(values, n);
  }

  @Override
  protected void bindValues(Column c) {
    row = ((BooleanColumn) c).values();
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
    return Boolean.compare(values[index], row[r]);
  }

  @Override
  protected Column buildValues(int from, int count, boolean[] n) {
    return new BooleanColumn(type, count, Arrays.copyOfRange(values, from, from + count), n);
  }

  @Override
  protected Column gatherValues(int[] ids, int count, boolean[] n) {
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[ids[i]];
    }
    return new BooleanColumn(type, count, out, n);
  }
}
