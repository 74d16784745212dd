package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;
import java.util.Arrays;

/**
 * =, <>, <, <=, >, >=, IS [NOT] DISTINCT FROM over two columns. Numbers compare in a common
 * domain (longs at the larger decimal scale, or doubles); a NULL operand gives NULL except for
 * the DISTINCT forms.
 */
final class ComparisonEvaluator implements Evaluator {
  enum Op { EQ, NE, LT, LE, GT, GE, DISTINCT, NOT_DISTINCT }

  private final Op op;
  private final Evaluator left;
  private final Evaluator right;

  ComparisonEvaluator(Op op, Evaluator left, Evaluator right) {
    this.op = op;
    this.left = left;
    this.right = right;
    // compare() reads integers as longs or doubles: a wide intermediate compares exactly
    ArithmeticEvaluator.readWide(left);
    ArithmeticEvaluator.readWide(right);
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public Column evaluate(Batch input) {
    Column a = left.evaluate(input);
    if (right instanceof ConstantEvaluator && op != Op.DISTINCT && op != Op.NOT_DISTINCT) {
      Column fast = againstConstant(a, (ConstantEvaluator) right);
      if (fast != null) {
        return fast;
      }
    }
    Column b = right.evaluate(input);
    int n = input.rowCount();
    int[] cmp = compare(a, b, n);
    boolean[] out = new boolean[n];
    boolean[] nulls = null;
    boolean distinctForm = op == Op.DISTINCT || op == Op.NOT_DISTINCT;
    for (int i = 0; i < n; i++) {
      boolean an = a.isNull(i);
      boolean bn = b.isNull(i);
      if (an || bn) {
        if (distinctForm) {
          boolean same = an && bn;
          out[i] = op == Op.NOT_DISTINCT ? same : !same;
        } else {
          if (nulls == null) {
            nulls = new boolean[n];
          }
          nulls[i] = true;
        }
        continue;
      }
      int c = cmp[i];
      switch (op) {
        case EQ: case NOT_DISTINCT: out[i] = c == 0; break;
        case NE: case DISTINCT: out[i] = c != 0; break;
        case LT: out[i] = c < 0; break;
        case LE: out[i] = c <= 0; break;
        case GT: out[i] = c > 0; break;
        default: out[i] = c >= 0; break;
      }
    }
    return new BooleanColumn(DataType.BOOLEAN, n, out, nulls);
  }

  /**
   * The common filter shape {@code column op constant} in one pass without materializing the
   * constant, for same-domain longs, doubles and strings; null when the shape does not fit.
   */
  private Column againstConstant(Column a, ConstantEvaluator constant) {
    Object v = constant.value();
    int n = a.size();
    if (v == null) {
      boolean[] nulls = new boolean[n];
      java.util.Arrays.fill(nulls, true);
      return new BooleanColumn(DataType.BOOLEAN, n, new boolean[n], nulls);
    }
    DataType ct = constant.type();
    boolean[] out = new boolean[n];
    if (a instanceof LongColumn && v instanceof Long && sameDomain(a.type(), ct)) {
      long[] x = ((LongColumn) a).values();
      long c = (Long) v;
      switch (op) {
        case EQ: for (int i = 0; i < n; i++) { out[i] = x[i] == c; } break;
        case NE: for (int i = 0; i < n; i++) { out[i] = x[i] != c; } break;
        case LT: for (int i = 0; i < n; i++) { out[i] = x[i] < c; } break;
        case LE: for (int i = 0; i < n; i++) { out[i] = x[i] <= c; } break;
        case GT: for (int i = 0; i < n; i++) { out[i] = x[i] > c; } break;
        default: for (int i = 0; i < n; i++) { out[i] = x[i] >= c; } break;
      }
    } else if (a instanceof DoubleColumn && v instanceof Double) {
      double[] x = ((DoubleColumn) a).values();
      double c = (Double) v;
      switch (op) {
        case EQ: for (int i = 0; i < n; i++) { out[i] = x[i] == c; } break;
        case NE: for (int i = 0; i < n; i++) { out[i] = x[i] != c; } break;
        case LT: for (int i = 0; i < n; i++) { out[i] = x[i] < c; } break;
        case LE: for (int i = 0; i < n; i++) { out[i] = x[i] <= c; } break;
        case GT: for (int i = 0; i < n; i++) { out[i] = x[i] > c; } break;
        default: for (int i = 0; i < n; i++) { out[i] = x[i] >= c; } break;
      }
    } else if (a instanceof StringColumn && v instanceof String) {
      String[] x = ((StringColumn) a).values();
      String c = (String) v;
      for (int i = 0; i < n; i++) {
        if (x[i] == null) {
          continue;
        }
        if (op == Op.EQ) {
          out[i] = x[i].equals(c);
        } else if (op == Op.NE) {
          out[i] = !x[i].equals(c);
        } else {
          int r = x[i].compareTo(c);
          out[i] = op == Op.LT ? r < 0 : op == Op.LE ? r <= 0 : op == Op.GT ? r > 0 : r >= 0;
        }
      }
    } else {
      return null;
    }
    boolean[] nulls = a.nulls();
    return new BooleanColumn(DataType.BOOLEAN, n, out, nulls == null ? null : nulls.clone());
  }

  /** Per-row sign of a compared to b (undefined where either is NULL). */
  static int[] compare(Column a, Column b, int n) {
    int[] out = new int[n];
    PhysicalKind pa = a.type().physical();
    PhysicalKind pb = b.type().physical();
    if (pa == PhysicalKind.STRING && pb == PhysicalKind.STRING) {
      String[] x = ((StringColumn) a).values();
      String[] y = ((StringColumn) b).values();
      for (int i = 0; i < n; i++) {
        if (x[i] != null && y[i] != null) {
          out[i] = Integer.signum(x[i].compareTo(y[i]));
        }
      }
      return out;
    }
    if (pa == PhysicalKind.BOOLEAN && pb == PhysicalKind.BOOLEAN) {
      boolean[] x = ((BooleanColumn) a).values();
      boolean[] y = ((BooleanColumn) b).values();
      for (int i = 0; i < n; i++) {
        out[i] = Boolean.compare(x[i], y[i]);
      }
      return out;
    }
    if (pa == PhysicalKind.BYTES && pb == PhysicalKind.BYTES) {
      byte[][] x = ((BytesColumn) a).values();
      byte[][] y = ((BytesColumn) b).values();
      for (int i = 0; i < n; i++) {
        if (x[i] != null && y[i] != null) {
          out[i] = Integer.signum(Arrays.compareUnsigned(x[i], y[i]));
        }
      }
      return out;
    }
    if (pa == PhysicalKind.FLOAT_ARRAY && pb == PhysicalKind.FLOAT_ARRAY) {
      FloatArrayColumn x = (FloatArrayColumn) a;
      FloatArrayColumn y = (FloatArrayColumn) b;
      for (int i = 0; i < n; i++) {
        if (!x.isNull(i) && !y.isNull(i)) {
          out[i] = Integer.signum(Arrays.compare(x.get(i), y.get(i)));
        }
      }
      return out;
    }
    if (pa == PhysicalKind.LONG && pb == PhysicalKind.LONG) {
      int scale = Math.max(NumericViews.scaleOf(a.type()), NumericViews.scaleOf(b.type()));
      long[] x = sameDomain(a.type(), b.type()) ? ((LongColumn) a).values()
          : NumericViews.asLongs(a, scale);
      long[] y = sameDomain(a.type(), b.type()) ? ((LongColumn) b).values()
          : NumericViews.asLongs(b, scale);
      for (int i = 0; i < n; i++) {
        out[i] = Long.compare(x[i], y[i]);
      }
      return out;
    }
    if ((pa == PhysicalKind.LONG || pa == PhysicalKind.DOUBLE || pa == PhysicalKind.BOOLEAN)
        && (pb == PhysicalKind.LONG || pb == PhysicalKind.DOUBLE || pb == PhysicalKind.BOOLEAN)) {
      double[] x = NumericViews.asDoubles(a);
      double[] y = NumericViews.asDoubles(b);
      for (int i = 0; i < n; i++) {
        double u = x[i];
        double v = y[i];
        out[i] = u < v ? -1 : u > v ? 1 : u == v ? 0 : Double.compare(u, v);
      }
      return out;
    }
    // mixed kinds the validator let through (e.g. string vs number): compare as text
    for (int i = 0; i < n; i++) {
      Object x = a.getObject(i);
      Object y = b.getObject(i);
      if (x != null && y != null) {
        out[i] = Integer.signum(x.toString().compareTo(y.toString()));
      }
    }
    return out;
  }

  private static boolean sameDomain(DataType a, DataType b) {
    boolean da = a.kind() == TypeKind.DECIMAL;
    boolean db = b.kind() == TypeKind.DECIMAL;
    if (!da && !db) {
      return true;
    }
    return da && db && a.scale() == b.scale();
  }
}
