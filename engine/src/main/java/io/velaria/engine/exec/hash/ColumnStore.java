package io.velaria.engine.exec.hash;

import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * A growable array of values of one type, indexed by a dense id (a group, a distinct key). Used
 * for hash table keys and for per-group values of aggregates. Values are copied from a column
 * that is first {@link #bind bound}, so the per-row methods need no casts or type switches: the
 * subclass keeps the bound column's primitive array in a field.
 */
public abstract class ColumnStore {
  protected final DataType type;
  /** NULL flags per entry; allocated on the first NULL, so null-free stores skip the checks. */
  protected boolean[] nulls;
  /** Null mask of the bound column, or null when it has no NULLs. */
  protected boolean[] rowNulls;
  protected int capacity;

  protected ColumnStore(DataType type) {
    this.type = type;
  }

  public static ColumnStore create(DataType type) {
    switch (type.physical()) {
      case LONG: return new LongStore(type);
      case DOUBLE: return new DoubleStore(type);
      case BOOLEAN: return new BooleanStore(type);
      case STRING: return new StringStore(type);
      case BYTES: return new BytesStore(type);
      case FLOAT_ARRAY: return new VectorStore(type);
      default: throw new IllegalStateException("no store for " + type);
    }
  }

  public final DataType type() {
    return type;
  }

  public final int capacity() {
    return capacity;
  }

  /** Makes room for ids below {@code n}; grows geometrically. Returns the new capacity. */
  public final int ensureCapacity(int n) {
    if (n > capacity) {
      int c = Math.max(n, Math.max(16, capacity + (capacity >> 1)));
      resize(c);
      if (nulls != null) {
        nulls = Arrays.copyOf(nulls, c);
      }
      capacity = c;
    }
    return capacity;
  }

  /** Rough bytes held per entry, for memory accounting. */
  public abstract long bytesPerEntry();

  protected abstract void resize(int newCapacity);

  /** Makes {@code c} the source of the row arguments of the following calls. */
  public final void bind(Column c) {
    rowNulls = c.nulls();
    bindValues(c);
  }

  protected abstract void bindValues(Column c);

  /** Copies the non-NULL value at {@code row} of the bound column. */
  protected abstract void copyRow(int index, int row);

  /** True if the stored non-NULL value equals the bound column's non-NULL value at row. */
  protected abstract boolean valueEquals(int index, int row);

  /** Compares the stored non-NULL value with the bound column's non-NULL value at row. */
  protected int valueCompare(int index, int row) {
    throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
        "values of type " + type.sqlName() + " cannot be ordered");
  }

  /** Stores the value (or NULL) at {@code row} of the bound column under {@code index}. */
  public final void set(int index, int row) {
    if (rowNulls != null && rowNulls[row]) {
      setNull(index);
      return;
    }
    copyRow(index, row);
    if (nulls != null) {
      nulls[index] = false;
    }
  }

  public final void setNull(int index) {
    if (nulls == null) {
      nulls = new boolean[capacity];
    }
    nulls[index] = true;
  }

  public final boolean isNull(int index) {
    return nulls != null && nulls[index];
  }

  /** Equality where NULL equals NULL (grouping semantics). */
  public final boolean equalsRow(int index, int row) {
    boolean rn = rowNulls != null && rowNulls[row];
    boolean sn = nulls != null && nulls[index];
    if (rn | sn) {
      return rn == sn;
    }
    return valueEquals(index, row);
  }

  /** Compares non-NULL stored value and non-NULL row value (MIN/MAX). */
  public final int compareRow(int index, int row) {
    return valueCompare(index, row);
  }

  /** A column of entries {@code [from, from + count)}. */
  public final Column build(int from, int count) {
    boolean[] n = null;
    if (nulls != null) {
      n = Arrays.copyOfRange(nulls, from, from + count);
    }
    return buildValues(from, count, anyTrue(n) ? n : null);
  }

  /** A column of the entries at {@code ids[0..count)}. */
  public final Column gather(int[] ids, int count) {
    boolean[] n = null;
    if (nulls != null) {
      n = new boolean[count];
      for (int i = 0; i < count; i++) {
        n[i] = nulls[ids[i]];
      }
    }
    return gatherValues(ids, count, anyTrue(n) ? n : null);
  }

  protected abstract Column buildValues(int from, int count, boolean[] outNulls);

  protected abstract Column gatherValues(int[] ids, int count, boolean[] outNulls);

  private static boolean anyTrue(boolean[] a) {
    if (a == null) {
      return false;
    }
    for (boolean b : a) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
