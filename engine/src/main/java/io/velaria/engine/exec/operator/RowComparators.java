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

  /** Compares rows of one batch. */
  static RowComparator of(Batch b, List<SortKey> keys) {
    return of(b, b, keys);
  }

  /** Compares a row of {@code left} (first argument) with a row of {@code right}. */
  static RowComparator of(Batch left, Batch right, List<SortKey> keys) {
    RowComparator[] cs = new RowComparator[keys.size()];
    for (int i = 0; i < cs.length; i++) {
      int c = keys.get(i).column();
      cs[i] = forKey(left.column(c), right.column(c), keys.get(i));
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

  /**
   * The key as one long per row whose signed order is the key's order (direction and NULL
   * placement included), or null when the column's kind has no such encoding (strings,
   * bytes). Doubles map through their bit pattern (sign-magnitude to two's complement) after
   * folding -0.0 into 0.0 and all NaNs into one, so NaN sorts above every number. NULLs take
   * Long.MIN_VALUE or MAX_VALUE; a real value at that extreme would collide, so then null.
   */
  static long[] encode(Column col, SortKey key) {
    int n = col.size();
    long[] out = new long[n];
    if (col instanceof LongColumn) {
      long[] v = ((LongColumn) col).values();
      System.arraycopy(v, 0, out, 0, n);
    } else if (col instanceof DoubleColumn) {
      double[] v = ((DoubleColumn) col).values();
      for (int i = 0; i < n; i++) {
        long bits = Double.doubleToLongBits(v[i] + 0.0);
        out[i] = bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFFL);
      }
    } else if (col instanceof BooleanColumn) {
      boolean[] v = ((BooleanColumn) col).values();
      for (int i = 0; i < n; i++) {
        out[i] = v[i] ? 1 : 0;
      }
    } else {
      return null;
    }
    boolean[] nulls = col.nulls();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      long x = out[i];
      if (x == Long.MIN_VALUE || x == Long.MAX_VALUE) {
        return null;
      }
      // ~x reverses the order exactly (no overflow, unlike -x).
      out[i] = key.descending() ? ~x : x;
    }
    if (nulls != null) {
      long nullValue = key.nullsFirst() ? Long.MIN_VALUE : Long.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        if (nulls[i]) {
          out[i] = nullValue;
        }
      }
    }
    return out;
  }

  private static RowComparator forKey(Column left, Column right, SortKey key) {
    RowComparator values = values(left, right);
    int sign = key.descending() ? -1 : 1;
    boolean[] ln = left.nulls();
    boolean[] rn = right.nulls();
    if (ln == null && rn == null) {
      return key.descending() ? (a, b) -> -values.compare(a, b) : values;
    }
    int nullVsValue = key.nullsFirst() ? -1 : 1;
    return (a, b) -> {
      boolean na = ln != null && ln[a];
      boolean nb = rn != null && rn[b];
      if (na | nb) {
        return na == nb ? 0 : (na ? nullVsValue : -nullVsValue);
      }
      return sign * values.compare(a, b);
    };
  }

  /** Ascending comparison of non-NULL values; both columns are of one physical kind. */
  private static RowComparator values(Column left, Column right) {
    if (left instanceof LongColumn) {
      long[] v = ((LongColumn) left).values();
      long[] w = ((LongColumn) right).values();
      return (a, b) -> Long.compare(v[a], w[b]);
    }
    if (left instanceof DoubleColumn) {
      double[] v = ((DoubleColumn) left).values();
      double[] w = ((DoubleColumn) right).values();
      return (a, b) -> v[a] == w[b] ? 0 : Double.compare(v[a], w[b]);
    }
    if (left instanceof StringColumn) {
      String[] v = ((StringColumn) left).values();
      String[] w = ((StringColumn) right).values();
      return (a, b) -> v[a].compareTo(w[b]);
    }
    if (left instanceof BooleanColumn) {
      boolean[] v = ((BooleanColumn) left).values();
      boolean[] w = ((BooleanColumn) right).values();
      return (a, b) -> Boolean.compare(v[a], w[b]);
    }
    if (left instanceof BytesColumn) {
      byte[][] v = ((BytesColumn) left).values();
      byte[][] w = ((BytesColumn) right).values();
      return (a, b) -> Arrays.compareUnsigned(v[a], w[b]);
    }
    throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
        "values of type " + left.type().sqlName() + " cannot be ordered");
  }
}
