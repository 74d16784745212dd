package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;

/** Reads numeric columns in a common domain: doubles, or longs at a decimal scale. */
final class NumericViews {
  static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private NumericViews() {}

  /** The decimal scale of a LONG-physical numeric type (0 for integers). */
  static int scaleOf(DataType t) {
    return t.kind() == TypeKind.DECIMAL ? t.scale() : 0;
  }

  static double[] asDoubles(Column c) {
    if (c.type().physical() == PhysicalKind.DOUBLE) {
      return ((DoubleColumn) c).values();
    }
    if (c.type().physical() == PhysicalKind.BOOLEAN) {
      boolean[] b = ((io.velaria.engine.column.BooleanColumn) c).values();
      double[] out = new double[b.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = b[i] ? 1 : 0;
      }
      return out;
    }
    long[] v = ((LongColumn) c).values();
    double[] out = new double[c.size()];
    int scale = scaleOf(c.type());
    if (scale == 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] = v[i];
      }
    } else {
      double div = POW10[scale];
      for (int i = 0; i < out.length; i++) {
        out[i] = v[i] / div;
      }
    }
    return out;
  }

  /** Longs at {@code scale} (the column's scale must not exceed it). */
  static long[] asLongs(Column c, int scale) {
    long[] v = ((LongColumn) c).values();
    int from = scaleOf(c.type());
    if (from == scale) {
      return v;
    }
    if (from > scale) {
      long div = POW10[from - scale];
      long[] out = new long[c.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = roundDiv(v[i], div);
      }
      return out;
    }
    long mul = POW10[scale - from];
    long[] out = new long[c.size()];
    boolean[] nulls = c.nulls();
    for (int i = 0; i < out.length; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      out[i] = multiplyExact(v[i], mul);
    }
    return out;
  }

  /** Division rounding half away from zero. */
  static long roundDiv(long a, long b) {
    long q = a / b;
    long r = a % b;
    if (Math.abs(r) * 2 >= Math.abs(b)) {
      q += (a < 0) == (b < 0) ? 1 : -1;
    }
    return q;
  }

  static long multiplyExact(long a, long b) {
    long r = a * b;
    long ax = Math.abs(a);
    long ay = Math.abs(b);
    if (((ax | ay) >>> 31 != 0)) {
      if ((b != 0 && r / b != a) || (a == Long.MIN_VALUE && b == -1)) {
        throw overflow();
      }
    }
    return r;
  }

  static VelariaException overflow() {
    return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE, "numeric value out of range");
  }

  static boolean[] orNulls(Column a, Column b) {
    boolean[] na = a.nulls();
    boolean[] nb = b.nulls();
    if (na == null && nb == null) {
      return null;
    }
    if (na == null) {
      return nb.clone();
    }
    if (nb == null) {
      return na.clone();
    }
    boolean[] out = new boolean[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = na[i] | nb[i];
    }
    return out;
  }
}
