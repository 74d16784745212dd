package io.velaria.jdbc;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.sql.SQLException;

/** Accessors for BOOLEAN, the integer types, DECIMAL (unscaled long) and REAL/DOUBLE. */
final class NumberAccessors {
  private NumberAccessors() {}

  /** TINYINT, SMALLINT, INTEGER, BIGINT: a {@code long[]}. */
  static final class Integral extends ColumnAccessor {
    Integral(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected long longValue() {
      return ((LongColumn) column()).values()[row()];
    }

    @Override
    protected double doubleValue() {
      return longValue();
    }

    @Override
    protected BigDecimal decimalValue() {
      return BigDecimal.valueOf(longValue());
    }

    @Override
    protected boolean booleanValue() {
      return longValue() != 0;
    }

    @Override
    protected String stringValue() {
      return Long.toString(longValue());
    }

    @Override
    protected Object objectValue() {
      long v = longValue();
      return type.kind() == TypeKind.BIGINT ? (Object) v : (Object) (int) v;
    }
  }

  /** DECIMAL(p,s): the unscaled value in a {@code long[]}, the scale from the type. */
  static final class Decimal extends ColumnAccessor {
    Decimal(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected BigDecimal decimalValue() {
      return BigDecimal.valueOf(((LongColumn) column()).values()[row()], type.scale());
    }

    @Override
    protected long longValue() {
      return decimalValue().longValue();
    }

    @Override
    protected boolean booleanValue() {
      return decimalValue().signum() != 0;
    }

    @Override
    protected String stringValue() {
      return decimalValue().toPlainString();
    }

    @Override
    protected Object objectValue() {
      return decimalValue();
    }
  }

  /** REAL and DOUBLE: a {@code double[]}; REAL prints and boxes as float. */
  static final class Floating extends ColumnAccessor {
    Floating(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    private boolean isReal() {
      return type.kind() == TypeKind.REAL;
    }

    @Override
    protected double doubleValue() {
      return ((DoubleColumn) column()).values()[row()];
    }

    @Override
    protected long longValue() throws SQLException {
      double v = doubleValue();
      if (Double.isNaN(v) || v < Long.MIN_VALUE || v > Long.MAX_VALUE) {
        throw new SQLException("value " + v + " is out of range for BIGINT", "22003");
      }
      return (long) v;
    }

    @Override
    protected BigDecimal decimalValue() throws SQLException {
      double v = doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw cannot("DECIMAL (value " + v + ")");
      }
      return isReal() ? new BigDecimal(Float.toString((float) v)) : BigDecimal.valueOf(v);
    }

    @Override
    protected boolean booleanValue() {
      return doubleValue() != 0;
    }

    @Override
    protected String stringValue() {
      double v = doubleValue();
      return isReal() ? Float.toString((float) v) : Double.toString(v);
    }

    @Override
    protected Object objectValue() {
      double v = doubleValue();
      return isReal() ? (Object) (float) v : (Object) v;
    }
  }

  /** BOOLEAN: a {@code boolean[]}; numeric getters see 1 and 0. */
  static final class Bool extends ColumnAccessor {
    Bool(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected boolean booleanValue() {
      return ((BooleanColumn) column()).values()[row()];
    }

    @Override
    protected long longValue() {
      return booleanValue() ? 1 : 0;
    }

    @Override
    protected double doubleValue() {
      return longValue();
    }

    @Override
    protected BigDecimal decimalValue() {
      return BigDecimal.valueOf(longValue());
    }

    @Override
    protected String stringValue() {
      return Boolean.toString(booleanValue());
    }

    @Override
    protected Object objectValue() {
      return booleanValue();
    }
  }
}
