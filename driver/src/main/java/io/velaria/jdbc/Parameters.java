package io.velaria.jdbc;

import io.velaria.engine.error.VelariaException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Turns Avatica's parameter slots into the Java values the engine takes. Avatica keeps
 * dates and times as wall-clock numbers (days, ms of day, ms since epoch read as UTC), which
 * become java.time locals; java.time values and float[] vectors set with setObject pass
 * through untouched.
 */
final class Parameters {
  private Parameters() {}

  static List<Object> toEngine(List<TypedValue> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      TypedValue v = values.get(i);
      if (v == null) {
        throw new VelariaException("07001", "parameter " + (i + 1) + " is not set");
      }
      out.add(value(v));
    }
    return out;
  }

  private static Object value(TypedValue v) {
    if (v.value == null) {
      return null;
    }
    Object local = v.toLocal();
    switch (v.type) {
      case JAVA_SQL_DATE:
        return LocalDate.ofEpochDay(((Number) local).longValue());
      case JAVA_SQL_TIME:
        return LocalTime.ofNanoOfDay(Math.floorMod(((Number) local).longValue(), 86_400_000L)
            * 1_000_000L);
      case JAVA_SQL_TIMESTAMP:
      case JAVA_UTIL_DATE:
        return TemporalAccessors.fromEpochMillis(((Number) local).longValue());
      case BYTE_STRING:
        return ((ByteString) local).getBytes();
      case BYTE:
      case SHORT:
      case PRIMITIVE_BYTE:
      case PRIMITIVE_SHORT:
        return ((Number) local).intValue();
      case FLOAT:
      case PRIMITIVE_FLOAT:
        // via the decimal text, so 0.1f arrives as 0.1 and not 0.10000000149
        return Double.parseDouble(local.toString());
      case ARRAY:
        return floats(local);
      default:
        return local instanceof Array ? floats(local) : local;
    }
  }

  /** A numeric list or java.sql.Array as the float[] a VECTOR parameter takes. */
  private static Object floats(Object value) {
    try {
      Object elements = value instanceof Array ? ((Array) value).getArray() : value;
      List<?> list = elements instanceof Object[] ? List.of((Object[]) elements)
          : (List<?>) elements;
      float[] out = new float[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ((Number) list.get(i)).floatValue();
      }
      return out;
    } catch (SQLException | ClassCastException | NullPointerException e) {
      throw new VelariaException("22023", "an array parameter must hold numbers: " + e.getMessage());
    }
  }
}
