package io.velaria.jdbc;

import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * How engine types appear through JDBC: type codes, sizes, Java classes. One table, used by
 * ResultSetMetaData, ParameterMetaData, getColumns and getTypeInfo alike, so they agree.
 */
final class JdbcTypes {
  /** Column size reported for VARCHAR/VARBINARY declared without a length (as PostgreSQL). */
  static final int UNBOUNDED = Integer.MAX_VALUE;
  static final String CATALOG = "velaria";

  private JdbcTypes() {}

  static int jdbcType(TypeKind kind) {
    switch (kind) {
      case BOOLEAN: return Types.BOOLEAN;
      case TINYINT: return Types.TINYINT;
      case SMALLINT: return Types.SMALLINT;
      case INTEGER: return Types.INTEGER;
      case BIGINT: return Types.BIGINT;
      case REAL: return Types.REAL;
      case DOUBLE: return Types.DOUBLE;
      case DECIMAL: return Types.DECIMAL;
      case CHAR: return Types.CHAR;
      case VARCHAR: return Types.VARCHAR;
      case DATE: return Types.DATE;
      case TIME: return Types.TIME;
      case TIMESTAMP: return Types.TIMESTAMP;
      case VARBINARY: return Types.VARBINARY;
      case VECTOR: return Types.ARRAY;
      default: return Types.NULL;
    }
  }

  /** The class {@code getObject(i)} returns (JDBC 4.2 table B-3; float[] for vectors). */
  static Class<?> javaClass(TypeKind kind) {
    switch (kind) {
      case BOOLEAN: return Boolean.class;
      case TINYINT: case SMALLINT: case INTEGER: return Integer.class;
      case BIGINT: return Long.class;
      case REAL: return Float.class;
      case DOUBLE: return Double.class;
      case DECIMAL: return java.math.BigDecimal.class;
      case CHAR: case VARCHAR: return String.class;
      case DATE: return java.sql.Date.class;
      case TIME: return java.sql.Time.class;
      case TIMESTAMP: return java.sql.Timestamp.class;
      case VARBINARY: return byte[].class;
      case VECTOR: return float[].class;
      default: return Object.class;
    }
  }

  private static ColumnMetaData.Rep rep(TypeKind kind) {
    switch (kind) {
      case BOOLEAN: return ColumnMetaData.Rep.BOOLEAN;
      case TINYINT: case SMALLINT: case INTEGER: return ColumnMetaData.Rep.INTEGER;
      case BIGINT: return ColumnMetaData.Rep.LONG;
      case REAL: return ColumnMetaData.Rep.FLOAT;
      case DOUBLE: return ColumnMetaData.Rep.DOUBLE;
      case DECIMAL: return ColumnMetaData.Rep.NUMBER;
      case CHAR: case VARCHAR: return ColumnMetaData.Rep.STRING;
      case DATE: return ColumnMetaData.Rep.JAVA_SQL_DATE;
      case TIME: return ColumnMetaData.Rep.JAVA_SQL_TIME;
      case TIMESTAMP: return ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP;
      case VARBINARY: return ColumnMetaData.Rep.BYTE_STRING;
      case VECTOR: return ColumnMetaData.Rep.ARRAY;
      default: return ColumnMetaData.Rep.OBJECT;
    }
  }

  /** The type name tools show: the SQL name without parameters. */
  static String typeName(TypeKind kind) {
    return kind == TypeKind.NULL ? "NULL" : kind.name();
  }

  /** JDBC column size: digits for numbers, characters for text and dates, elements for vectors. */
  static int precision(DataType t) {
    switch (t.kind()) {
      case BOOLEAN: return 1;
      case TINYINT: return 3;
      case SMALLINT: return 5;
      case INTEGER: return 10;
      case BIGINT: return 19;
      case REAL: return 7;
      case DOUBLE: return 15;
      case DECIMAL: return t.precision();
      case CHAR: case VARCHAR: case VARBINARY:
        return t.precision() == DataType.UNSPECIFIED ? UNBOUNDED : t.precision();
      case DATE: return 10;
      case TIME: return 12;
      case TIMESTAMP: return 23;
      case VECTOR: return t.dimension();
      default: return 0;
    }
  }

  /** Digits after the point: DECIMAL's scale, milliseconds for TIME and TIMESTAMP. */
  static int scale(DataType t) {
    switch (t.kind()) {
      case DECIMAL: return t.scale();
      case TIME: case TIMESTAMP: return 3;
      default: return 0;
    }
  }

  static int displaySize(DataType t) {
    switch (t.kind()) {
      case TINYINT: return 4;
      case SMALLINT: return 6;
      case INTEGER: return 11;
      case BIGINT: return 20;
      case REAL: return 14;
      case DOUBLE: return 24;
      case DECIMAL: return t.precision() + 2;
      case BOOLEAN: return 5;
      default: return precision(t);
    }
  }

  static boolean signed(TypeKind kind) {
    return kind.isNumeric();
  }

  static Integer radix(TypeKind kind) {
    return kind.isNumeric() ? 10 : null;
  }

  static ColumnMetaData.AvaticaType avaticaType(DataType t) {
    TypeKind kind = t.kind();
    if (kind == TypeKind.VECTOR) {
      ColumnMetaData.ScalarType element =
          ColumnMetaData.scalar(Types.REAL, "REAL", ColumnMetaData.Rep.FLOAT);
      return ColumnMetaData.array(element, typeName(kind), ColumnMetaData.Rep.ARRAY);
    }
    return ColumnMetaData.scalar(jdbcType(kind), typeName(kind), rep(kind));
  }

  static ColumnMetaData column(int ordinal, ResultColumn c) {
    DataType t = c.type();
    boolean fromTable = c.table() != null && !c.table().isEmpty();
    return new ColumnMetaData(ordinal, false, t.kind().isString(), true, false,
        c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        signed(t.kind()), displaySize(t), c.label(), c.columnName(), c.schema(),
        precision(t), scale(t), c.table(), fromTable ? CATALOG : "", avaticaType(t),
        true, false, false, javaClass(t.kind()).getName());
  }

  static AvaticaParameter parameter(int index, DataType t) {
    return new AvaticaParameter(signed(t.kind()), precision(t), scale(t), jdbcType(t.kind()),
        typeName(t.kind()), javaClass(t.kind()).getName(), "?" + (index + 1));
  }
}
