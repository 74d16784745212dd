package io.velaria.engine.plan;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;

/**
 * A LIMIT or OFFSET: a constant, or a {@code ?} parameter known only when the statement runs.
 *
 * @param constant the value when {@code parameter < 0}; -1 means no limit
 * @param parameter index of the dynamic parameter, or -1
 */
public record RowCount(long constant, int parameter) {
  public static final RowCount NONE = new RowCount(-1, -1);
  public static final RowCount ZERO = new RowCount(0, -1);

  public static RowCount of(long value) {
    return new RowCount(value, -1);
  }

  public static RowCount parameter(int index) {
    return new RowCount(-1, index);
  }

  /** The value for this execution; -1 for no limit. */
  public long resolve(ExecContext ctx, String what) {
    if (parameter < 0) {
      return constant;
    }
    Object v = ctx.parameter(parameter);
    if (!(v instanceof Number) || ((Number) v).longValue() < 0) {
      throw new VelariaException(SqlStates.DATA_EXCEPTION,
          what + " must be a non-negative whole number, got " + v);
    }
    return ((Number) v).longValue();
  }

  @Override
  public String toString() {
    return parameter >= 0 ? "?" + parameter : Long.toString(constant);
  }
}
