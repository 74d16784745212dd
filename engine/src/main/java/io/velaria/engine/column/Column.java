package io.velaria.engine.column;

import io.velaria.engine.type.DataType;

/**
 * One column of a batch: a fixed number of values of one type, stored in a primitive array
 * by the subclass, plus an optional null mask. A column is not changed once it is handed to
 * another operator.
 */
public abstract class Column {
  protected final DataType type;
  protected final int size;
  /** {@code nulls[i]} is true where row i is NULL; {@code null} when no row is NULL. */
  protected final boolean[] nulls;

  protected Column(DataType type, int size, boolean[] nulls) {
    this.type = type;
    this.size = size;
    this.nulls = nulls;
  }

  public final DataType type() {
    return type;
  }

  public final int size() {
    return size;
  }

  public final boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  /** True if some row may be NULL; false guarantees none is. */
  public final boolean mayHaveNulls() {
    return nulls != null;
  }

  /** The null mask, or {@code null} when no row is NULL. Do not modify. */
  public final boolean[] nulls() {
    return nulls;
  }

  /**
   * The value at a row in the engine's internal representation (Long for integral, decimal,
   * date and time kinds; Double; Boolean; String; byte[]; float[]), or null. For slow paths.
   */
  public abstract Object getObject(int row);

  /** A new column with the rows at {@code positions[0..count)}, in that order. */
  public abstract Column select(int[] positions, int count);

  /** A new column with rows {@code [from, from + count)}. */
  public abstract Column slice(int from, int count);

  /** Rough heap size, for memory accounting. */
  public abstract long estimatedBytes();

  protected final boolean[] selectNulls(int[] positions, int count) {
    if (nulls == null) {
      return null;
    }
    boolean[] out = new boolean[count];
    boolean any = false;
    for (int i = 0; i < count; i++) {
      boolean n = nulls[positions[i]];
      out[i] = n;
      any |= n;
    }
    return any ? out : null;
  }

  protected final boolean[] sliceNulls(int from, int count) {
    if (nulls == null) {
      return null;
    }
    boolean[] out = new boolean[count];
    boolean any = false;
    for (int i = 0; i < count; i++) {
      boolean n = nulls[from + i];
      out[i] = n;
      any |= n;
    }
    return any ? out : null;
  }
}
