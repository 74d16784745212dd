package io.velaria.engine.exec.hash;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** Stores strings by reference (the input's String objects are kept alive). */
public final class StringStore extends ColumnStore {
  private String[] values = new String[0];
  private String[] row;

  StringStore(DataType type) {
    super(type);
  }

  @Override
  public long bytesPerEntry() {
    // The reference plus a rough share of the string itself, like StringColumn's estimate.
    return 8 + 40;
  }

  @Override
  protected void resize(int n) {
    values = Arrays.copyOf(values, n);
  }

  @Override
  protected void bindValues(Column c) {
    row = ((StringColumn) c).values();
  }

  @Override
  protected void copyRow(int index, int r) {
    values[index] = row[r];
  }

  @Override
  protected boolean valueEquals(int index, int r) {
    return values[index].equals(row[r]);
  }

  @Override
  protected int valueCompare(int index, int r) {
    return values[index].compareTo(row[r]);
  }

  @Override
  protected Column buildValues(int from, int count, boolean[] n) {
    return new StringColumn(type, count, Arrays.copyOfRange(values, from, from + count), n);
  }

  @Override
  protected Column gatherValues(int[] ids, int count, boolean[] n) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[ids[i]];
    }
    return new StringColumn(type, count, out, n);
  }
}
