package io.velaria.engine.type;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of type names: the inverse of {@link DataType#sqlName()}. */
public final class DataTypes {
  private DataTypes() {}

  /** NAME, or NAME(a), or NAME(a, b), with optional spaces. */
  private static final Pattern TYPE =
      Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

  /**
   * The type named by {@code sqlName}, e.g. {@code VARCHAR(20)} or {@code decimal(10, 2)};
   * case-insensitive.
   *
   * @throws IllegalArgumentException if the text is not a type name this engine knows
   */
  public static DataType parse(String sqlName) {
    if (sqlName == null) {
      throw new IllegalArgumentException("type name is null");
    }
    Matcher m = TYPE.matcher(sqlName);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + sqlName + "' is not a type name");
    }
    String name = m.group(1).toUpperCase(Locale.ROOT);
    Integer first = number(m.group(2), sqlName);
    Integer second = number(m.group(3), sqlName);
    TypeKind kind;
    try {
      kind = TypeKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown type '" + sqlName + "'");
    }
    switch (kind) {
      case DECIMAL:
        return first == null
            ? DataType.of(TypeKind.DECIMAL)
            : DataType.decimal(first, second == null ? 0 : second);
      case CHAR:
        noScale(second, sqlName);
        return first == null ? DataType.of(TypeKind.CHAR) : DataType.chars(first);
      case VARCHAR:
        noScale(second, sqlName);
        return first == null ? DataType.VARCHAR : DataType.varchar(first);
      case VARBINARY:
        noScale(second, sqlName);
        return first == null ? DataType.VARBINARY : DataType.varbinary(first);
      case VECTOR:
        if (first == null || second != null) {
          throw new IllegalArgumentException("'" + sqlName + "': VECTOR needs one dimension");
        }
        return DataType.vector(first);
      default:
        if (first != null) {
          throw new IllegalArgumentException("'" + sqlName + "': " + name + " takes no length");
        }
        return DataType.of(kind);
    }
  }

  private static Integer number(String digits, String sqlName) {
    if (digits == null) {
      return null;
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + sqlName + "': length is too large");
    }
  }

  private static void noScale(Integer second, String sqlName) {
    if (second != null) {
      throw new IllegalArgumentException("'" + sqlName + "' takes one length, not two");
    }
  }
}
