package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;
import io.velaria.engine.util.DateTimes;
import java.math.BigDecimal;

/**
 * CAST between any two supported types. Numeric conversions run as tight loops; the rest go
 * through {@link #convertValue}, which also serves other evaluators. Narrowing out of range is
 * error 22003, unparseable text 22P02/22007.
 */
final class CastEvaluator implements Evaluator {
  private final Evaluator input;
  private final DataType target;

  CastEvaluator(Evaluator input, DataType target) {
    this.input = input;
    this.target = target;
    if (target.kind() == TypeKind.BIGINT || target.physical() == PhysicalKind.DOUBLE) {
      // widening: reads an integer operand's exact long (BIGINT range checked below)
      ArithmeticEvaluator.readWide(input);
    }
  }

  @Override
  public DataType type() {
    return target;
  }

  /** True when values of {@code from} need no conversion to be read as {@code to}. */
  static boolean sameRepresentation(DataType from, DataType to) {
    if (from.physical() != to.physical()) {
      return false;
    }
    if (to.kind() == TypeKind.VECTOR) {
      return from.kind() == TypeKind.VECTOR
          && (to.isVectorOfAnyDimension() || from.dimension() == to.dimension());
    }
    if (from.kind() == TypeKind.DECIMAL || to.kind() == TypeKind.DECIMAL) {
      return from.kind() == to.kind() && from.scale() == to.scale();
    }
    if (from.kind().isTemporal() || to.kind().isTemporal()) {
      return from.kind() == to.kind();
    }
    if (to.kind().isIntegral() && from.kind().isIntegral()) {
      return rank(from.kind()) <= rank(to.kind());
    }
    return from.kind() == to.kind() || (from.kind().isString() && to.kind().isString());
  }

  private static int rank(TypeKind k) {
    switch (k) {
      case TINYINT: return 1;
      case SMALLINT: return 2;
      case INTEGER: return 3;
      default: return 4;
    }
  }

  @Override
  public Column evaluate(Batch batch) {
    Column c = input.evaluate(batch);
    DataType from = c.type();
    int n = c.size();
    if (sameRepresentation(from, target)) {
      return retype(c);
    }
    if (from.physical() == PhysicalKind.LONG && target.physical() == PhysicalKind.DOUBLE
        && from.kind() != TypeKind.DATE && !from.kind().isTemporal()) {
      return new DoubleColumn(target, n, NumericViews.asDoubles(c), c.nulls());
    }
    if (from.physical() == PhysicalKind.LONG && target.physical() == PhysicalKind.LONG
        && from.kind().isNumeric() && target.kind().isNumeric()) {
      return longToLong((LongColumn) c, n);
    }
    ColumnBuilder out = new ColumnBuilder(target, n);
    for (int i = 0; i < n; i++) {
      if (c.isNull(i)) {
        out.appendNull();
      } else {
        out.appendObject(convertValue(c.getObject(i), from, target));
      }
    }
    return out.build();
  }

  private Column retype(Column c) {
    if (c.type().equals(target)) {
      return c;
    }
    switch (c.type().physical()) {
      case LONG: return new LongColumn(target, c.size(), ((LongColumn) c).values(), c.nulls());
      case DOUBLE:
        return new DoubleColumn(target, c.size(), ((DoubleColumn) c).values(), c.nulls());
      case BOOLEAN:
        return new BooleanColumn(target, c.size(), ((BooleanColumn) c).values(), c.nulls());
      case STRING:
        return new io.velaria.engine.column.StringColumn(target, c.size(),
            ((io.velaria.engine.column.StringColumn) c).values(), c.nulls());
      default:
        return c;
    }
  }

  private Column longToLong(LongColumn c, int n) {
    int fromScale = NumericViews.scaleOf(c.type());
    int toScale = NumericViews.scaleOf(target);
    long[] v = c.values();
    long[] out = new long[n];
    boolean[] nulls = c.nulls();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      long r;
      if (fromScale > toScale) {
        long div = NumericViews.POW10[fromScale - toScale];
        // to an integer type SQL truncates; to a decimal it rounds
        r = target.kind() == TypeKind.DECIMAL ? NumericViews.roundDiv(v[i], div) : v[i] / div;
      } else {
        r = ArithmeticEvaluator.rescale(v[i], fromScale, toScale);
      }
      checkLong(r, v[i]);
      out[i] = r;
    }
    return new LongColumn(target, n, out, nulls);
  }

  private void checkLong(long r, long original) {
    if (target.kind() == TypeKind.DECIMAL) {
      if (Math.abs(r) >= NumericViews.POW10[target.precision()]) {
        throw InternalValues.outOfRange(original, target);
      }
    } else {
      InternalValues.checkRange(r, target, original);
    }
  }

  /** Converts one non-null internal value between types. */
  static Object convertValue(Object v, DataType from, DataType to) {
    switch (to.kind()) {
      case CHAR:
      case VARCHAR:
        return toText(v, from);
      case BOOLEAN:
        if (from.kind().isNumeric()) {
          return toDouble(v, from) != 0;
        }
        return InternalValues.convert(v, to);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        if (from.kind() == TypeKind.DOUBLE || from.kind() == TypeKind.REAL) {
          double d = (Double) v;
          if (Double.isNaN(d) || d >= 9.223372036854776E18 || d < -9.223372036854776E18) {
            throw InternalValues.outOfRange(v, to);
          }
          long r = (long) d;
          InternalValues.checkRange(r, to, v);
          return r;
        }
        if (from.kind() == TypeKind.DECIMAL) {
          return InternalValues.convert(BigDecimal.valueOf((Long) v, from.scale()), to);
        }
        if (from.kind() == TypeKind.BOOLEAN) {
          return (Boolean) v ? 1L : 0L;
        }
        return InternalValues.convert(v, to);
      case DECIMAL:
        if (from.kind() == TypeKind.DECIMAL) {
          return InternalValues.convert(BigDecimal.valueOf((Long) v, from.scale()), to);
        }
        return InternalValues.convert(v, to);
      case REAL:
      case DOUBLE:
        if (from.kind().isNumeric()) {
          double d = toDouble(v, from);
          return to.kind() == TypeKind.REAL ? (double) (float) d : d;
        }
        return InternalValues.convert(v, to);
      case DATE:
        if (from.kind() == TypeKind.TIMESTAMP) {
          return Math.floorDiv((Long) v, DateTimes.MS_PER_DAY);
        }
        if (from.kind() == TypeKind.DATE) {
          return v;
        }
        return InternalValues.convert(v.toString(), to);
      case TIME:
        if (from.kind() == TypeKind.TIMESTAMP) {
          return Math.floorMod((Long) v, DateTimes.MS_PER_DAY);
        }
        if (from.kind() == TypeKind.TIME) {
          return v;
        }
        return InternalValues.convert(v.toString(), to);
      case TIMESTAMP:
        if (from.kind() == TypeKind.DATE) {
          return (Long) v * DateTimes.MS_PER_DAY;
        }
        if (from.kind() == TypeKind.TIMESTAMP) {
          return v;
        }
        return InternalValues.convert(v.toString(), to);
      case VARBINARY:
        return InternalValues.convert(v, to);
      case VECTOR:
        return InternalValues.convert(v, to);
      default:
        throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
            "cannot cast " + from.sqlName() + " to " + to.sqlName());
    }
  }

  static double toDouble(Object v, DataType from) {
    if (from.kind() == TypeKind.DECIMAL) {
      return (Long) v / (double) NumericViews.POW10[from.scale()];
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    return ((Number) v).doubleValue();
  }

  /** The text form of a value, as CAST(x AS VARCHAR) and result printing show it. */
  static String toText(Object v, DataType from) {
    switch (from.kind()) {
      case DECIMAL: return BigDecimal.valueOf((Long) v, from.scale()).toPlainString();
      case DATE: return DateTimes.formatDate((Long) v);
      case TIME: return DateTimes.formatTime((Long) v);
      case TIMESTAMP: return DateTimes.formatTimestamp((Long) v);
      case REAL: return Float.toString((float) (double) (Double) v);
      case DOUBLE: return Double.toString((Double) v);
      case VARBINARY: return toHex((byte[]) v);
      case VECTOR: return VectorText.format((float[]) v);
      default: return v.toString();
    }
  }

  private static String toHex(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 2);
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
    }
    return sb.toString();
  }
}
