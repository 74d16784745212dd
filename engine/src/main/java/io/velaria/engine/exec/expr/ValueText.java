package io.velaria.engine.exec.expr;

import io.velaria.engine.type.DataType;

/** The text form of internal values, as CAST(x AS VARCHAR), the shell and tests show them. */
public final class ValueText {
  private ValueText() {}

  /** {@code null} for NULL, else the value's SQL text. */
  public static String format(Object value, DataType type) {
    return value == null ? null : CastEvaluator.toText(value, type);
  }
}
