package io.velaria.engine.exec.hash;

import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/** Stores byte strings by reference; they compare as unsigned bytes, lexicographically. */
public final class BytesStore extends ColumnStore {
  private byte[][] values = new byte[0][];
  private byte[][] row;

  BytesStore(DataType type) {
    super(type);
  }

  @Override
  public long bytesPerEntry() {
    return 8 + 24;
  }

  @Override
  protected void resize(int n) {
    values = Arrays.copyOf(values, n);
  }

  @Override
  protected void bindValues(Column c) {
    row = ((BytesColumn) c).values();
  }

  @Override
  protected void copyRow(int index, int r) {
    values[index] = row[r];
  }

  @Override
  protected boolean valueEquals(int index, int r) {
    return Arrays.equals(values[index], row[r]);
  }

  @Override
  protected int valueCompare(int index, int r) {
    return Arrays.compareUnsigned(values[index], row[r]);
  }

  @Override
  protected Column buildValues(int from, int count, boolean[] n) {
    return new BytesColumn(type, count, Arrays.copyOfRange(values, from, from + count), n);
  }

  @Override
  protected Column gatherValues(int[] ids, int count, boolean[] n) {
    byte[][] out = new byte[count][];
    for (int i = 0; i < count; i++) {
      out[i] = values[ids[i]];
    }
    return new BytesColumn(type, count, out, n);
  }
}
