package io.velaria.connectors.common;

import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers column types from sample text values (SPEC 2.1), for CSV and any other text format
 * and for probing. Per value: NULL ({@code null} in any case, empty or blank) decides nothing;
 * {@code true}/{@code false} is BOOLEAN; a whole number BIGINT; another number DOUBLE;
 * {@code YYYY-MM-DD} DATE; a date with a time TIMESTAMP; a bracketed numeric list VECTOR(n);
 * anything else VARCHAR. A column takes the narrowest type that fits all its values: BIGINT
 * and DOUBLE widen to DOUBLE, DATE and TIMESTAMP to TIMESTAMP, anything else mixed to VARCHAR;
 * a column with only NULLs is VARCHAR.
 */
public final class TypeInference {
  private final List<DataType> current = new ArrayList<>();
  private final double[] scratch = new double[1];
  private final long[] longScratch = new long[1];

  /** Feeds one value of column {@code column} (0-based); null means a NULL value. */
  public void accept(int column, String value) {
    while (current.size() <= column) {
      current.add(null);
    }
    DataType t = classify(value);
    if (t != null) {
      current.set(column, merge(current.get(column), t));
    }
  }

  /** The inferred types of columns {@code 0..columnCount-1}. */
  public List<DataType> types(int columnCount) {
    List<DataType> out = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      DataType t = i < current.size() ? current.get(i) : null;
      out.add(t == null ? DataType.VARCHAR : t);
    }
    return out;
  }

  /** The type of one value, or null when the value counts as NULL. */
  public DataType classify(String value) {
    if (value == null) {
      return null;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    int s = TextParsers.trimStart(b, 0, b.length);
    int e = TextParsers.trimEnd(b, s, b.length);
    if (s == e || TextParsers.equalsIgnoreCase(b, s, e, "null")) {
      return null;
    }
    if (TextParsers.equalsIgnoreCase(b, s, e, "true")
        || TextParsers.equalsIgnoreCase(b, s, e, "false")) {
      return DataType.BOOLEAN;
    }
    int r = TextParsers.parseLong(b, s, e, longScratch, 0);
    if (r == TextParsers.OK) {
      return DataType.BIGINT;
    }
    if (r == TextParsers.OUT_OF_RANGE
        || TextParsers.parseDouble(b, s, e, scratch, 0, false)) {
      return DataType.DOUBLE;
    }
    if (b[s] >= '0' && b[s] <= '9') {
      if (TextParsers.parseDate(b, s, e, longScratch, 0)) {
        return DataType.DATE;
      }
      if (TextParsers.parseTimestamp(b, s, e, longScratch, 0)) {
        return DataType.TIMESTAMP;
      }
    }
    if (b[s] == '[') {
      int n = TextParsers.parseVector(b, s, e, null, 0, 0, scratch);
      if (n > 0) {
        return DataType.vector(n);
      }
    }
    return DataType.VARCHAR;
  }

  /** The narrowest type holding values of both types (either may be null: no value yet). */
  public static DataType merge(DataType a, DataType b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    TypeKind x = a.kind();
    TypeKind y = b.kind();
    if (isNumber(x) && isNumber(y)) {
      return DataType.DOUBLE;
    }
    if (isDateTime(x) && isDateTime(y)) {
      return DataType.TIMESTAMP;
    }
    return DataType.VARCHAR;
  }

  private static boolean isNumber(TypeKind k) {
    return k == TypeKind.BIGINT || k == TypeKind.DOUBLE;
  }

  private static boolean isDateTime(TypeKind k) {
    return k == TypeKind.DATE || k == TypeKind.TIMESTAMP;
  }
}
