package io.velaria.functions;

import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;

/**
 * The declared type of a function argument or result. An argument type says which SQL types a
 * call may pass (checked by the validator) and the representation the function sees per row:
 * the adapter converts a whole column into it once per batch.
 */
public enum Arg {
  /** Integers; the function sees a {@code long}. Strings are parsed. */
  BIGINT,
  /** Any number; the function sees a {@code double}. */
  DOUBLE,
  /** Character strings (other scalar types are converted to their text). */
  VARCHAR,
  /** Any type, as its text (CONCAT). */
  TEXT,
  BOOLEAN,
  /**
   * A point in time: DATE, TIMESTAMP, TIME, integer epoch milliseconds, or a string
   * {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM:SS}, {@code YYYY-MM-DDTHH:MM:SS}. The function
   * sees epoch milliseconds (UTC) in a {@code long}.
   */
  DATETIME,
  /** Any number in its own representation; as a result: the type of the first argument. */
  NUMERIC,
  /**
   * A VECTOR, or text like {@code [1 2 3]}; the function reads the floats of row r with
   * {@link In#vector(int)} from {@link In#vectorOffset(int, int)} on.
   */
  VECTOR,
  /** Result only: days since 1970-01-01 in a {@code long}. */
  DATE,
  /** Result only: epoch milliseconds in a {@code long}. */
  TIMESTAMP;

  /** -1 if a value of type {@code t} cannot be passed, 0 if it is passed as is, 1 if converted. */
  public int cost(DataType t) {
    TypeKind k = t.kind();
    if (k == TypeKind.NULL) {
      return 0;
    }
    boolean scalarText = k != TypeKind.VECTOR && k != TypeKind.VARBINARY;
    switch (this) {
      case BIGINT:
        if (k.isIntegral() || k == TypeKind.DECIMAL && t.scale() == 0) {
          return 0;
        }
        return k.isString() ? 1 : -1;
      case DOUBLE:
        if (k == TypeKind.DOUBLE || k == TypeKind.REAL) {
          return 0;
        }
        return k.isNumeric() || k.isString() ? 1 : -1;
      case VARCHAR:
        return k.isString() ? 0 : scalarText ? 1 : -1;
      case TEXT:
        return k.isString() ? 0 : 1;
      case BOOLEAN:
        return k == TypeKind.BOOLEAN ? 0 : -1;
      case DATETIME:
        if (k == TypeKind.TIMESTAMP || k == TypeKind.DATE || k == TypeKind.TIME) {
          return 0;
        }
        return k.isIntegral() || k.isString() || k == TypeKind.DECIMAL && t.scale() == 0 ? 1 : -1;
      case NUMERIC:
        return k.isNumeric() ? 0 : -1;
      case VECTOR:
        return k == TypeKind.VECTOR ? 0 : k.isString() ? 1 : -1;
      default:
        return -1;
    }
  }

  /** The SQL name shown in signatures. */
  public String sqlName() {
    switch (this) {
      case TEXT: return "ANY";
      case DATETIME: return "DATE|TIMESTAMP|BIGINT|VARCHAR";
      default: return name();
    }
  }
}
