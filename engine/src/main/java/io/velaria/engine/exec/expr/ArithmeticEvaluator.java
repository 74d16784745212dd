package io.velaria.engine.exec.expr;

import static io.velaria.engine.exec.expr.NumericViews.POW10;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * +, -, *, /, % over whole columns in the result type's domain: exact longs for integers and
 * decimals (overflow is error 22003), doubles otherwise. Division or modulo by zero gives
 * NULL, as SQLite, MySQL and DuckDB answer.
 */
final class ArithmeticEvaluator implements Evaluator {
  enum Op { ADD, SUB, MUL, DIV, MOD }

  private final Op op;
  private final Evaluator left;
  private final Evaluator right;
  private final DataType type;
  /**
   * Whether a TINYINT/SMALLINT/INTEGER result is checked against its type's range. Not when the
   * result only feeds an operation that reads the exact 64-bit value (another arithmetic
   * operation, a comparison, a null test; see {@link #readWide}), as SQLite computes integers:
   * e.g. {@code int * int * 79 * float}, whose integer part leaves the 32-bit range,
   * {@code (a * a - 7) / a}, or {@code NULL > a * a * 98}. Where the value leaves as the
   * narrow type (a result column, a stored value, a cast, a function argument) it is checked.
   */
  private boolean checkNarrowRange = true;

  ArithmeticEvaluator(Op op, Evaluator left, Evaluator right, DataType type) {
    this.op = op;
    this.left = left;
    this.right = right;
    this.type = type;
    readWide(left);
    readWide(right);
  }

  /**
   * Declares that {@code operand}'s values are read as exact longs (or converted to doubles)
   * and never leave as its narrow integer type: no 32/16/8-bit range check is needed there.
   */
  static void readWide(Evaluator operand) {
    if (operand instanceof ArithmeticEvaluator a) {
      a.checkNarrowRange = false;
    }
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    Column a = left.evaluate(input);
    Column b = right.evaluate(input);
    int n = input.rowCount();
    boolean[] nulls = NumericViews.orNulls(a, b);
    if (type.physical() == PhysicalKind.DOUBLE) {
      return doubles(NumericViews.asDoubles(a), NumericViews.asDoubles(b), n, nulls);
    }
    if (type.kind() == TypeKind.DECIMAL) {
      return decimals(a, b, n, nulls);
    }
    return longs(((LongColumn) a).values(), ((LongColumn) b).values(), n, nulls);
  }

  private Column doubles(double[] x, double[] y, int n, boolean[] nulls) {
    double[] out = new double[n];
    switch (op) {
      case ADD:
        for (int i = 0; i < n; i++) {
          out[i] = x[i] + y[i];
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          out[i] = x[i] - y[i];
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          out[i] = x[i] * y[i];
        }
        break;
      case DIV:
      case MOD:
        for (int i = 0; i < n; i++) {
          if (y[i] == 0) {
            nulls = setNull(nulls, n, i);
          } else {
            out[i] = op == Op.DIV ? x[i] / y[i] : x[i] % y[i];
          }
        }
        break;
      default:
        throw new IllegalStateException();
    }
    return new DoubleColumn(type, n, out, nulls);
  }

  private Column longs(long[] x, long[] y, int n, boolean[] nulls) {
    long[] out = new long[n];
    switch (op) {
      case ADD:
        for (int i = 0; i < n; i++) {
          long r = x[i] + y[i];
          if (((x[i] ^ r) & (y[i] ^ r)) < 0) {
            if (nulls == null || !nulls[i]) {
              throw NumericViews.overflow();
            }
          }
          out[i] = r;
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          long r = x[i] - y[i];
          if (((x[i] ^ y[i]) & (x[i] ^ r)) < 0) {
            if (nulls == null || !nulls[i]) {
              throw NumericViews.overflow();
            }
          }
          out[i] = r;
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          if (nulls != null && nulls[i]) {
            continue;
          }
          out[i] = NumericViews.multiplyExact(x[i], y[i]);
        }
        break;
      case DIV:
      case MOD:
        for (int i = 0; i < n; i++) {
          if (nulls != null && nulls[i]) {
            continue;
          }
          if (y[i] == 0) {
            nulls = setNull(nulls, n, i);
          } else if (op == Op.DIV) {
            if (x[i] == Long.MIN_VALUE && y[i] == -1) {
              throw NumericViews.overflow();
            }
            out[i] = x[i] / y[i];
          } else {
            out[i] = y[i] == -1 ? 0 : x[i] % y[i];
          }
        }
        break;
      default:
        throw new IllegalStateException();
    }
    checkRange(out, nulls, n);
    return new LongColumn(type, n, out, nulls);
  }

  private void checkRange(long[] out, boolean[] nulls, int n) {
    long min;
    long max;
    if (!checkNarrowRange && type.kind() != TypeKind.DECIMAL) {
      return;  // 64-bit overflow was checked by the operation itself
    }
    switch (type.kind()) {
      case TINYINT: min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; break;
      case SMALLINT: min = Short.MIN_VALUE; max = Short.MAX_VALUE; break;
      case INTEGER: min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; break;
      case DECIMAL:
        max = POW10[type.precision()] - 1;
        min = -max;
        break;
      default: return;
    }
    for (int i = 0; i < n; i++) {
      if ((out[i] < min || out[i] > max) && (nulls == null || !nulls[i])) {
        throw NumericViews.overflow();
      }
    }
  }

  private Column decimals(Column a, Column b, int n, boolean[] nulls) {
    int scale = type.scale();
    switch (op) {
      case ADD:
      case SUB:
        return longs(NumericViews.asLongs(a, Math.max(scale, maxScale(a, b))),
            NumericViews.asLongs(b, Math.max(scale, maxScale(a, b))), n, nulls, scale,
            Math.max(scale, maxScale(a, b)));
      case MUL: {
        int sa = NumericViews.scaleOf(a.type());
        int sb = NumericViews.scaleOf(b.type());
        long[] x = ((LongColumn) a).values();
        long[] y = ((LongColumn) b).values();
        long[] out = new long[n];
        int productScale = sa + sb;
        for (int i = 0; i < n; i++) {
          if (nulls != null && nulls[i]) {
            continue;
          }
          long p = NumericViews.multiplyExact(x[i], y[i]);
          out[i] = rescale(p, productScale, scale);
        }
        checkRange(out, nulls, n);
        return new LongColumn(type, n, out, nulls);
      }
      default: {
        // exact division and modulo through BigDecimal: rare enough not to need a fast path
        int sa = NumericViews.scaleOf(a.type());
        int sb = NumericViews.scaleOf(b.type());
        long[] x = ((LongColumn) a).values();
        long[] y = ((LongColumn) b).values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          if (nulls != null && nulls[i]) {
            continue;
          }
          if (y[i] == 0) {
            nulls = setNull(nulls, n, i);
            continue;
          }
          BigDecimal bx = BigDecimal.valueOf(x[i], sa);
          BigDecimal by = BigDecimal.valueOf(y[i], sb);
          BigDecimal r = op == Op.DIV ? bx.divide(by, scale, RoundingMode.HALF_UP)
              : bx.remainder(by).setScale(scale, RoundingMode.HALF_UP);
          out[i] = r.setScale(scale, RoundingMode.HALF_UP).unscaledValue().longValue();
        }
        checkRange(out, nulls, n);
        return new LongColumn(type, n, out, nulls);
      }
    }
  }

  /** Adds/subtracts at {@code workScale} then rescales to the result scale. */
  private Column longs(long[] x, long[] y, int n, boolean[] nulls, int scale, int workScale) {
    LongColumn c = (LongColumn) longsUnchecked(x, y, n, nulls);
    if (workScale == scale) {
      checkRange(c.values(), nulls, n);
      return c;
    }
    long[] v = c.values();
    for (int i = 0; i < n; i++) {
      v[i] = rescale(v[i], workScale, scale);
    }
    checkRange(v, nulls, n);
    return new LongColumn(type, n, v, nulls);
  }

  private Column longsUnchecked(long[] x, long[] y, int n, boolean[] nulls) {
    long[] out = new long[n];
    boolean add = op == Op.ADD;
    for (int i = 0; i < n; i++) {
      long r = add ? x[i] + y[i] : x[i] - y[i];
      boolean overflow = add ? ((x[i] ^ r) & (y[i] ^ r)) < 0 : ((x[i] ^ y[i]) & (x[i] ^ r)) < 0;
      if (overflow && (nulls == null || !nulls[i])) {
        throw NumericViews.overflow();
      }
      out[i] = r;
    }
    return new LongColumn(type, n, out, nulls);
  }

  private static int maxScale(Column a, Column b) {
    return Math.max(NumericViews.scaleOf(a.type()), NumericViews.scaleOf(b.type()));
  }

  static long rescale(long v, int from, int to) {
    if (from == to) {
      return v;
    }
    if (from > to) {
      return NumericViews.roundDiv(v, POW10[from - to]);
    }
    return NumericViews.multiplyExact(v, POW10[to - from]);
  }

  static boolean[] setNull(boolean[] nulls, int n, int i) {
    if (nulls == null) {
      nulls = new boolean[n];
    }
    nulls[i] = true;
    return nulls;
  }
}
