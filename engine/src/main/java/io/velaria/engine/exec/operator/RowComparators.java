package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.Arrays;
import java.util.List;

/**
 * Builds ORDER BY comparators over the primitive arrays of a batch. Strings by
 * String.compareTo, doubles by Double.compare except that -0.0 equals 0.0 (NaN sorts above
 * every number), booleans false before true, byte strings unsigned. NULL placement follows
 * the key's {@code nullsFirst}, independent of direction.
 */
final class RowComparators {
  private RowComparators() {}

  static RowComparator of(Batch b, List<SortKey> keys) {
    RowComparator[] cs = new RowComparator[keys.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = forKey(b.column(keys.get(i).column()), keys.get(i));
    }
    if (cs.length == 1) {
      return cs[0];
    }
    return (a, x) -> {
      for (RowComparator c : cs) {
        int r = c.compare(a, x);
        if (r != 0) {
          return r;
        }
      }
      return 0;
    };
  }

  private static RowComparator forKey(Column col, SortKey key) {
    RowComparator values = values(col);
    int sign = key.descending() ? -1 : 1;
    boolean[] nulls = col.nulls();
    if (nulls == null) {
      return key.descending() ? (a, b) -> -values.compare(a, b) : values;
    }
    int nullVsValue = key.nullsFirst() ? -1 : 1;
    return (a, b) -> {
      boolean na = nulls[a];
      boolean nb = nulls[b];
      if (na | nb) {
        return na == nb ? 0 : (na ? nullVsValue : -nullVsValue);
      }
      return sign * values.compare(a, b);
    };
  }

  /** Ascending comparison of non-NULL values. */
  private static RowComparator values(Column col) {
    if (col instanceof LongColumn) {
      long[] v = ((LongColumn) col).values();
      return (a, b) -> Long.compare(v[a], v[b]);
    }
    if (col instanceof DoubleColumn) {
      double[] v = ((DoubleColumn) col).values();
      return (a, b) -> v[a] == v[b] ? 0 : Double.compare(v[a], v[b]);
    }
    if (col instanceof StringColumn) {
      String[] v = ((StringColumn) col).values();
      return (a, b) -> v[a].compareTo(v[b]);
    }
    if (col instanceof BooleanColumn) {
      boolean[] v = ((BooleanColumn) col).values();
      return (a, b) -> Boolean.compare(v[a], v[b]);
    }
    if (col instanceof BytesColumn) {
      byte[][] v = ((BytesColumn) col).values();
      return (a, b) -> Arrays.compareUnsigned(v[a], v[b]);
    }
    throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
        "values of type " + col.type().sqlName() + " cannot be ordered");
  }
}
