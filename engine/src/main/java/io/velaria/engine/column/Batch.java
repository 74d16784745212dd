package io.velaria.engine.column;

import java.util.Objects;

/** A set of equally long columns: the unit of data that flows between operators. */
public final class Batch {
  /** Rows per batch that readers and operators aim for. */
  public static final int DEFAULT_SIZE = 4096;

  private final Column[] columns;
  private final int rowCount;

  public Batch(Column[] columns, int rowCount) {
    this.columns = Objects.requireNonNull(columns);
    this.rowCount = rowCount;
    for (Column c : columns) {
      if (c.size() != rowCount) {
        throw new IllegalArgumentException(
            "column of " + c.size() + " rows in a batch of " + rowCount);
      }
    }
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.length;
  }

  public Column column(int i) {
    return columns[i];
  }

  /** The columns; do not modify the array. */
  public Column[] columns() {
    return columns;
  }

  public Batch select(int[] positions, int count) {
    Column[] out = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = columns[i].select(positions, count);
    }
    return new Batch(out, count);
  }

  public Batch slice(int from, int count) {
    if (from == 0 && count == rowCount) {
      return this;
    }
    Column[] out = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = columns[i].slice(from, count);
    }
    return new Batch(out, count);
  }

  /** A batch with a subset of the columns, in the given order. */
  public Batch project(int[] columnIndexes) {
    Column[] out = new Column[columnIndexes.length];
    for (int i = 0; i < columnIndexes.length; i++) {
      out[i] = columns[columnIndexes[i]];
    }
    return new Batch(out, rowCount);
  }

  public long estimatedBytes() {
    long total = 0;
    for (Column c : columns) {
      total += c.estimatedBytes();
    }
    return total;
  }

  @Override
  public String toString() {
    return "Batch[" + rowCount + " rows x " + columns.length + " cols]";
  }
}
