package io.velaria.engine.sql;

import io.velaria.engine.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Builds parse-tree type specifications from engine types (for generated CASTs). */
final class SqlTypeSpecs {
  private SqlTypeSpecs() {}

  static SqlDataTypeSpec of(DataType t) {
    SqlParserPos pos = SqlParserPos.ZERO;
    SqlTypeName name;
    int precision = -1;
    // Calcite 1.42: an unspecified scale is SCALE_NOT_SPECIFIED (Integer.MIN_VALUE), not -1;
    // -1 reads as a given scale and VARCHAR(8) with scale -1 fails an internal assertion
    int scale = RelDataType.SCALE_NOT_SPECIFIED;
    switch (t.kind()) {
      case BOOLEAN: name = SqlTypeName.BOOLEAN; break;
      case TINYINT: name = SqlTypeName.TINYINT; break;
      case SMALLINT: name = SqlTypeName.SMALLINT; break;
      case INTEGER: name = SqlTypeName.INTEGER; break;
      case BIGINT: name = SqlTypeName.BIGINT; break;
      case REAL: name = SqlTypeName.REAL; break;
      case DOUBLE: name = SqlTypeName.DOUBLE; break;
      case DECIMAL:
        name = SqlTypeName.DECIMAL;
        precision = t.precision();
        scale = t.scale();
        break;
      case CHAR:
        name = SqlTypeName.CHAR;
        precision = t.precision();
        break;
      case VARCHAR:
        name = SqlTypeName.VARCHAR;
        precision = t.precision();
        break;
      case DATE: name = SqlTypeName.DATE; break;
      case TIME: name = SqlTypeName.TIME; break;
      case TIMESTAMP: name = SqlTypeName.TIMESTAMP; break;
      case VARBINARY: name = SqlTypeName.VARBINARY; break;
      default:
        throw new IllegalArgumentException("no SQL type spec for " + t);
    }
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(name, precision, scale, null, pos), pos);
  }
}
