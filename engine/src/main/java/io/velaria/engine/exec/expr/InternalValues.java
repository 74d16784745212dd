package io.velaria.engine.exec.expr;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.util.DateTimes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Converts outside values (Calcite literals, JDBC parameters) into the engine's internal
 * representation for a type: Long for integral/decimal(unscaled)/date/time/timestamp kinds,
 * Double, Boolean, String, byte[], float[].
 */
public final class InternalValues {
  private InternalValues() {}

  public static Object fromLiteral(RexLiteral lit, DataType type) {
    if (lit.isNull()) {
      return null;
    }
    Comparable<?> v = lit.getValue();
    switch (lit.getType().getSqlTypeName()) {
      case DATE:
        return (long) lit.getValueAs(DateString.class).getDaysSinceEpoch();
      case TIME:
        return (long) lit.getValueAs(TimeString.class).getMillisOfDay();
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return lit.getValueAs(TimestampString.class).getMillisSinceEpoch();
      case CHAR:
      case VARCHAR:
        return convert(((NlsString) v).getValue(), type);
      case BINARY:
      case VARBINARY:
        return ((ByteString) v).getBytes();
      case BOOLEAN:
        return convert(lit.getValueAs(Boolean.class), type);
      case INTERVAL_YEAR:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_MONTH:
      case INTERVAL_DAY:
      case INTERVAL_DAY_HOUR:
      case INTERVAL_DAY_MINUTE:
      case INTERVAL_DAY_SECOND:
      case INTERVAL_HOUR:
      case INTERVAL_HOUR_MINUTE:
      case INTERVAL_HOUR_SECOND:
      case INTERVAL_MINUTE:
      case INTERVAL_MINUTE_SECOND:
      case INTERVAL_SECOND:
        return ((BigDecimal) lit.getValueAs(BigDecimal.class)).longValue();
      default:
        break;
    }
    if (v instanceof BigDecimal) {
      return convert(v, type);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return convert(v, type);
    }
    return v;
  }

  /**
   * Converts a Java value (JDBC parameter or literal) to the internal representation of
   * {@code type}; strings are parsed. Throws 22xxx errors on values that do not fit.
   */
  public static Object convert(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN:
        if (v instanceof Boolean) {
          return v;
        }
        if (v instanceof Number) {
          return ((Number) v).doubleValue() != 0;
        }
        return parseBoolean(v.toString());
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return toLong(v, type);
      case DECIMAL:
        return toUnscaled(toBigDecimal(v), type);
      case REAL:
      case DOUBLE:
        if (v instanceof Number) {
          return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean) {
          return (Boolean) v ? 1.0 : 0.0;
        }
        return parseDouble(v.toString());
      case CHAR:
      case VARCHAR:
        if (v instanceof BigDecimal) {
          return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof java.sql.Timestamp) {
          return DateTimes.formatTimestamp(timestampMillis(v));
        }
        return v.toString();
      case DATE:
        return dateDays(v);
      case TIME:
        return timeMillis(v);
      case TIMESTAMP:
        return timestampMillis(v);
      case VARBINARY:
        if (v instanceof byte[]) {
          return v;
        }
        if (v instanceof ByteString) {
          return ((ByteString) v).getBytes();
        }
        return v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      case VECTOR:
        return VectorText.toVector(v, type.dimension());
      case NULL:
        return null;
      default:
        throw new IllegalStateException("no conversion to " + type);
    }
  }

  private static long toLong(Object v, DataType type) {
    long r;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      r = ((Number) v).longValue();
    } else if (v instanceof Boolean) {
      r = (Boolean) v ? 1 : 0;
    } else if (v instanceof Number) {
      BigDecimal bd = toBigDecimal(v).setScale(0, RoundingMode.DOWN);
      try {
        r = bd.longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(v, type);
      }
    } else {
      String s = v.toString().trim();
      try {
        r = Long.parseLong(s);
      } catch (NumberFormatException e) {
        try {
          r = new BigDecimal(s).setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e2) {
          throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
              "invalid " + type.sqlName() + " value '" + s + "'");
        }
      }
    }
    checkRange(r, type, v);
    return r;
  }

  public static void checkRange(long r, DataType type, Object original) {
    long min;
    long max;
    switch (type.kind()) {
      case TINYINT: min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; break;
      case SMALLINT: min = Short.MIN_VALUE; max = Short.MAX_VALUE; break;
      case INTEGER: min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; break;
      default: return;
    }
    if (r < min || r > max) {
      throw outOfRange(original, type);
    }
  }

  public static VelariaException outOfRange(Object v, DataType type) {
    return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE,
        "value " + v + " is out of range for " + type.sqlName());
  }

  static BigDecimal toBigDecimal(Object v) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE, "value " + d
            + " cannot be converted to DECIMAL");
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
          "invalid DECIMAL value '" + v + "'");
    }
  }

  /** The unscaled long of a decimal at the type's scale, rounding half up; 22003 on overflow. */
  public static long toUnscaled(BigDecimal bd, DataType type) {
    BigDecimal scaled = bd.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()
        && scaled.signum() != 0) {
      throw outOfRange(bd.toPlainString(), type);
    }
    try {
      return scaled.unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(bd.toPlainString(), type);
    }
  }

  static boolean parseBoolean(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    switch (t) {
      case "true": case "t": case "yes": case "y": case "1": case "on": return true;
      case "false": case "f": case "no": case "n": case "0": case "off": return false;
      default:
        throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
            "invalid BOOLEAN value '" + s + "'");
    }
  }

  static double parseDouble(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
          "invalid DOUBLE value '" + s + "'");
    }
  }

  private static long dateDays(Object v) {
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().toEpochDay();
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).toEpochDay();
    }
    if (v instanceof java.sql.Timestamp || v instanceof LocalDateTime || v instanceof Instant
        || v instanceof OffsetDateTime) {
      return Math.floorDiv(timestampMillis(v), DateTimes.MS_PER_DAY);
    }
    if (v instanceof java.util.Date) {
      return Math.floorDiv(((java.util.Date) v).getTime(), DateTimes.MS_PER_DAY);
    }
    if (v instanceof Calendar) {
      return Math.floorDiv(((Calendar) v).getTimeInMillis(), DateTimes.MS_PER_DAY);
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    String s = v.toString();
    return s.length() > 10 ? Math.floorDiv(DateTimes.parseTimestamp(s), DateTimes.MS_PER_DAY)
        : DateTimes.parseDate(s);
  }

  private static long timeMillis(Object v) {
    if (v instanceof java.sql.Time) {
      return ((java.sql.Time) v).toLocalTime().toNanoOfDay() / 1_000_000L;
    }
    if (v instanceof LocalTime) {
      return ((LocalTime) v).toNanoOfDay() / 1_000_000L;
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    return DateTimes.parseTime(v.toString());
  }

  private static long timestampMillis(Object v) {
    if (v instanceof java.sql.Timestamp) {
      return ((java.sql.Timestamp) v).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (v instanceof Instant) {
      return ((Instant) v).toEpochMilli();
    }
    if (v instanceof OffsetDateTime) {
      return ((OffsetDateTime) v).toInstant().toEpochMilli();
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().toEpochDay() * DateTimes.MS_PER_DAY;
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).toEpochDay() * DateTimes.MS_PER_DAY;
    }
    if (v instanceof java.util.Date) {
      return ((java.util.Date) v).getTime();
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    return DateTimes.parseTimestamp(v.toString());
  }
}
