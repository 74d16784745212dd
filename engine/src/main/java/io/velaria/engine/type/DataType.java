package io.velaria.engine.type;

import java.util.Objects;

/**
 * An SQL type: a kind plus its parameters (precision and scale for DECIMAL, length for
 * strings, dimension for VECTOR). Immutable.
 */
public final class DataType {
  public static final int MAX_DECIMAL_PRECISION = 18;
  public static final int UNSPECIFIED = -1;

  public static final DataType BOOLEAN = new DataType(TypeKind.BOOLEAN, UNSPECIFIED, 0);
  public static final DataType TINYINT = new DataType(TypeKind.TINYINT, UNSPECIFIED, 0);
  public static final DataType SMALLINT = new DataType(TypeKind.SMALLINT, UNSPECIFIED, 0);
  public static final DataType INTEGER = new DataType(TypeKind.INTEGER, UNSPECIFIED, 0);
  public static final DataType BIGINT = new DataType(TypeKind.BIGINT, UNSPECIFIED, 0);
  public static final DataType REAL = new DataType(TypeKind.REAL, UNSPECIFIED, 0);
  public static final DataType DOUBLE = new DataType(TypeKind.DOUBLE, UNSPECIFIED, 0);
  public static final DataType VARCHAR = new DataType(TypeKind.VARCHAR, UNSPECIFIED, 0);
  public static final DataType DATE = new DataType(TypeKind.DATE, UNSPECIFIED, 0);
  public static final DataType TIME = new DataType(TypeKind.TIME, UNSPECIFIED, 0);
  public static final DataType TIMESTAMP = new DataType(TypeKind.TIMESTAMP, UNSPECIFIED, 0);
  public static final DataType VARBINARY = new DataType(TypeKind.VARBINARY, UNSPECIFIED, 0);
  public static final DataType NULL = new DataType(TypeKind.NULL, UNSPECIFIED, 0);

  private final TypeKind kind;
  /** DECIMAL precision, CHAR/VARCHAR/VARBINARY length, VECTOR dimension; -1 if unspecified. */
  private final int precision;
  private final int scale;

  private DataType(TypeKind kind, int precision, int scale) {
    this.kind = Objects.requireNonNull(kind);
    this.precision = precision;
    this.scale = scale;
  }

  public static DataType of(TypeKind kind) {
    switch (kind) {
      case BOOLEAN: return BOOLEAN;
      case TINYINT: return TINYINT;
      case SMALLINT: return SMALLINT;
      case INTEGER: return INTEGER;
      case BIGINT: return BIGINT;
      case REAL: return REAL;
      case DOUBLE: return DOUBLE;
      case VARCHAR: return VARCHAR;
      case DATE: return DATE;
      case TIME: return TIME;
      case TIMESTAMP: return TIMESTAMP;
      case VARBINARY: return VARBINARY;
      case NULL: return NULL;
      case DECIMAL: return decimal(MAX_DECIMAL_PRECISION, 0);
      case CHAR: return new DataType(TypeKind.CHAR, 1, 0);
      default: throw new IllegalArgumentException("type " + kind + " needs parameters");
    }
  }

  public static DataType decimal(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "DECIMAL(" + precision + "," + scale + ") is out of range: precision 1.."
              + MAX_DECIMAL_PRECISION + ", scale 0..precision");
    }
    return new DataType(TypeKind.DECIMAL, precision, scale);
  }

  public static DataType varchar(int length) {
    return new DataType(TypeKind.VARCHAR, length, 0);
  }

  public static DataType chars(int length) {
    return new DataType(TypeKind.CHAR, length, 0);
  }

  public static DataType varbinary(int length) {
    return new DataType(TypeKind.VARBINARY, length, 0);
  }

  /**
   * A VECTOR whose dimension is not known from the type alone (Calcite's array types carry no
   * length); columns built from values take the values' dimension.
   */
  public static DataType vectorOfAnyDimension() {
    return new DataType(TypeKind.VECTOR, 0, 0);
  }

  public boolean isVectorOfAnyDimension() {
    return kind == TypeKind.VECTOR && precision == 0;
  }

  public static DataType vector(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("VECTOR dimension must be positive: " + dimension);
    }
    return new DataType(TypeKind.VECTOR, dimension, 0);
  }

  public TypeKind kind() {
    return kind;
  }

  public PhysicalKind physical() {
    return kind.physical();
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  /** Dimension of a VECTOR type. */
  public int dimension() {
    return precision;
  }

  /** SQL text of the type, as accepted back by DDL. */
  public String sqlName() {
    switch (kind) {
      case DECIMAL: return "DECIMAL(" + precision + "," + scale + ")";
      case VECTOR: return precision == 0 ? "VECTOR" : "VECTOR(" + precision + ")";
      case CHAR: return "CHAR(" + precision + ")";
      case VARCHAR:
      case VARBINARY:
        return precision == UNSPECIFIED ? kind.name() : kind.name() + "(" + precision + ")";
      default: return kind.name();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DataType)) {
      return false;
    }
    DataType t = (DataType) o;
    return kind == t.kind && precision == t.precision && scale == t.scale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale);
  }

  @Override
  public String toString() {
    return sqlName();
  }
}
