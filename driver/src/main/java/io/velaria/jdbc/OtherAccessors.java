package io.velaria.jdbc;

import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import org.apache.calcite.avatica.util.ArrayImpl;

/** Accessors for CHAR/VARCHAR, VARBINARY, VECTOR and the type of an untyped NULL. */
final class OtherAccessors {
  private OtherAccessors() {}

  /** CHAR/VARCHAR: a {@code String[]}; numeric and temporal getters parse the text. */
  static final class Text extends ColumnAccessor {
    Text(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected String stringValue() {
      return ((StringColumn) column()).values()[row()];
    }

    private String trimmed() {
      return stringValue().trim();
    }

    private SQLException bad(String to, Exception e) {
      return Errors.conversion("'" + stringValue() + "'", to, e);
    }

    @Override
    protected long longValue() throws SQLException {
      try {
        return Long.parseLong(trimmed());
      } catch (NumberFormatException e) {
        try {
          return new BigDecimal(trimmed()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e2) {
          throw bad("a whole number", e);
        }
      }
    }

    @Override
    protected double doubleValue() throws SQLException {
      try {
        return Double.parseDouble(trimmed());
      } catch (NumberFormatException e) {
        throw bad("DOUBLE", e);
      }
    }

    @Override
    protected BigDecimal decimalValue() throws SQLException {
      try {
        return new BigDecimal(trimmed());
      } catch (NumberFormatException e) {
        throw bad("DECIMAL", e);
      }
    }

    @Override
    protected boolean booleanValue() throws SQLException {
      switch (trimmed().toLowerCase(Locale.ROOT)) {
        case "true": case "t": case "1": case "yes": case "y": case "on":
          return true;
        case "false": case "f": case "0": case "no": case "n": case "off":
          return false;
        default:
          throw Errors.conversion("'" + stringValue() + "'", "BOOLEAN");
      }
    }

    @Override
    protected LocalDate dateValue() throws SQLException {
      String s = trimmed();
      try {
        return s.length() > 10 ? timestampValue().toLocalDate() : LocalDate.parse(s);
      } catch (RuntimeException e) {
        throw bad("DATE", e);
      }
    }

    @Override
    protected LocalTime timeValue() throws SQLException {
      try {
        return LocalTime.parse(trimmed());
      } catch (RuntimeException e) {
        throw bad("TIME", e);
      }
    }

    @Override
    protected LocalDateTime timestampValue() throws SQLException {
      String s = trimmed();
      try {
        return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay()
            : LocalDateTime.parse(s.replace(' ', 'T'));
      } catch (RuntimeException e) {
        throw bad("TIMESTAMP", e);
      }
    }

    @Override
    protected float[] vectorValue() throws SQLException {
      String s = trimmed();
      if (!s.startsWith("[") || !s.endsWith("]")) {
        throw Errors.conversion("'" + s + "'", "a vector");
      }
      String body = s.substring(1, s.length() - 1).trim();
      if (body.isEmpty()) {
        return new float[0];
      }
      String[] parts = body.split("[,\\s]+");
      float[] out = new float[parts.length];
      try {
        for (int i = 0; i < parts.length; i++) {
          out[i] = Float.parseFloat(parts[i]);
        }
      } catch (NumberFormatException e) {
        throw bad("a vector", e);
      }
      return out;
    }

    @Override
    protected Object objectValue() {
      return stringValue();
    }
  }

  /** VARBINARY: a {@code byte[][]}; getString gives lower-case hex. */
  static final class Binary extends ColumnAccessor {
    Binary(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected byte[] bytesValue() {
      byte[] b = ((BytesColumn) column()).values()[row()];
      return b.clone(); // callers may modify what they get; the batch must stay intact
    }

    @Override
    protected String stringValue() {
      byte[] b = ((BytesColumn) column()).values()[row()];
      StringBuilder sb = new StringBuilder(b.length * 2);
      for (byte x : b) {
        sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
      }
      return sb.toString();
    }

    @Override
    protected Object objectValue() {
      return bytesValue();
    }
  }

  /**
   * VECTOR(n): all rows in one {@code float[]}, row i at [i*n, (i+1)*n). getObject gives a
   * float[] copy; getArray a java.sql.Array whose elements are Float.
   */
  static final class Vector extends ColumnAccessor {
    private final ArrayImpl.Factory arrays;

    Vector(BatchCursor cursor, int index, DataType type, ArrayImpl.Factory arrays) {
      super(cursor, index, type);
      this.arrays = arrays;
    }

    @Override
    protected float[] vectorValue() {
      FloatArrayColumn c = (FloatArrayColumn) column();
      int n = c.dimension();
      return Arrays.copyOfRange(c.values(), row() * n, row() * n + n);
    }

    @Override
    protected String stringValue() {
      return Arrays.toString(vectorValue());
    }

    @Override
    protected Object objectValue() {
      return vectorValue();
    }

    @Override
    public Array getArray() {
      return isNull() ? null : new VectorArray(vectorValue(), arrays);
    }
  }

  /** The type of an untyped NULL literal: every value is NULL. */
  static final class Null extends ColumnAccessor {
    Null(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected String stringValue() {
      return null;
    }

    @Override
    protected Object objectValue() {
      return null;
    }
  }
}
