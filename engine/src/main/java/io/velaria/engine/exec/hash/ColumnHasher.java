package io.velaria.engine.exec.hash;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import java.util.Arrays;

/**
 * Hashes whole columns into a {@code long[]}, one tight loop per column type, combining
 * multi-column keys as {@code h * M + v}. The combined value is not yet well mixed: callers
 * finish it with {@link #mix} once per row, which is cheaper than mixing every column.
 */
public final class ColumnHasher {
  private static final long M = 0x9E3779B97F4A7C15L;
  /** Hash of NULL: arbitrary, only needs to be the same for every NULL. */
  static final long NULL_HASH = 0x2545F4914F6CDD1DL;

  private ColumnHasher() {}

  /** Murmur3's 64-bit finalizer. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Grouping hash of a double: -0.0 like 0.0 and every NaN alike, as {@link DoubleStore}. */
  public static long doubleBits(double v) {
    // -0.0 + 0.0 is +0.0; doubleToLongBits maps all NaNs to one pattern.
    return Double.doubleToLongBits(v + 0.0);
  }

  /**
   * Folds column {@code c} (rows 0..count) into {@code h}: overwrites when {@code first},
   * else combines with what is there. NULL rows contribute {@link #NULL_HASH}.
   */
  public static void hash(Column c, long[] h, int count, boolean first) {
    boolean[] n = c.nulls();
    if (c instanceof LongColumn) {
      long[] v = ((LongColumn) c).values();
      if (n == null && first) {
        System.arraycopy(v, 0, h, 0, count);
      } else if (n == null) {
        for (int i = 0; i < count; i++) {
          h[i] = h[i] * M + v[i];
        }
      } else {
        for (int i = 0; i < count; i++) {
          h[i] = (first ? 0 : h[i] * M) + (n[i] ? NULL_HASH : v[i]);
        }
      }
    } else if (c instanceof DoubleColumn) {
      double[] v = ((DoubleColumn) c).values();
      for (int i = 0; i < count; i++) {
        long x = n != null && n[i] ? NULL_HASH : doubleBits(v[i]);
        h[i] = (first ? 0 : h[i] * M) + x;
      }
    } else if (c instanceof StringColumn) {
      String[] v = ((StringColumn) c).values();
      for (int i = 0; i < count; i++) {
        long x = n != null && n[i] ? NULL_HASH : v[i].hashCode();
        h[i] = (first ? 0 : h[i] * M) + x;
      }
    } else if (c instanceof BooleanColumn) {
      boolean[] v = ((BooleanColumn) c).values();
      for (int i = 0; i < count; i++) {
        long x = n != null && n[i] ? NULL_HASH : (v[i] ? 1231 : 1237);
        h[i] = (first ? 0 : h[i] * M) + x;
      }
    } else if (c instanceof BytesColumn) {
      byte[][] v = ((BytesColumn) c).values();
      for (int i = 0; i < count; i++) {
        long x = n != null && n[i] ? NULL_HASH : Arrays.hashCode(v[i]);
        h[i] = (first ? 0 : h[i] * M) + x;
      }
    } else if (c instanceof FloatArrayColumn) {
      FloatArrayColumn fc = (FloatArrayColumn) c;
      float[] v = fc.values();
      int d = fc.dimension();
      for (int i = 0; i < count; i++) {
        long x = 1;
        if (n != null && n[i]) {
          x = NULL_HASH;
        } else {
          for (int j = i * d, e = j + d; j < e; j++) {
            x = 31 * x + Float.floatToIntBits(v[j]);
          }
        }
        h[i] = (first ? 0 : h[i] * M) + x;
      }
    } else {
      throw new IllegalStateException("cannot hash " + c.getClass().getSimpleName());
    }
  }
}
