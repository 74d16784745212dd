package io.velaria.engine.sql.calcite;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between the engine's {@link DataType} and Calcite's {@link RelDataType}. */
public final class TypeMapping {
  private TypeMapping() {}

  public static RelDataType toRel(RelDataTypeFactory f, DataType t, boolean nullable) {
    RelDataType r;
    switch (t.kind()) {
      case BOOLEAN: r = f.createSqlType(SqlTypeName.BOOLEAN); break;
      case TINYINT: r = f.createSqlType(SqlTypeName.TINYINT); break;
      case SMALLINT: r = f.createSqlType(SqlTypeName.SMALLINT); break;
      case INTEGER: r = f.createSqlType(SqlTypeName.INTEGER); break;
      case BIGINT: r = f.createSqlType(SqlTypeName.BIGINT); break;
      case REAL: r = f.createSqlType(SqlTypeName.REAL); break;
      case DOUBLE: r = f.createSqlType(SqlTypeName.DOUBLE); break;
      case DECIMAL: r = f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale()); break;
      case CHAR: r = f.createSqlType(SqlTypeName.CHAR, t.precision()); break;
      case VARCHAR:
        r = t.precision() == DataType.UNSPECIFIED ? f.createSqlType(SqlTypeName.VARCHAR)
            : f.createSqlType(SqlTypeName.VARCHAR, t.precision());
        break;
      case DATE: r = f.createSqlType(SqlTypeName.DATE); break;
      case TIME: r = f.createSqlType(SqlTypeName.TIME, 3); break;
      case TIMESTAMP: r = f.createSqlType(SqlTypeName.TIMESTAMP, 3); break;
      case VARBINARY:
        r = t.precision() == DataType.UNSPECIFIED ? f.createSqlType(SqlTypeName.VARBINARY)
            : f.createSqlType(SqlTypeName.VARBINARY, t.precision());
        break;
      case VECTOR: r = f.createArrayType(f.createSqlType(SqlTypeName.REAL), -1); break;
      case NULL: r = f.createSqlType(SqlTypeName.NULL); break;
      default: throw new IllegalArgumentException("no Calcite type for " + t);
    }
    return f.createTypeWithNullability(r, nullable);
  }

  public static RelDataType rowType(RelDataTypeFactory f, List<ColumnDef> columns) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDef c : columns) {
      b.add(c.name(), toRel(f, c.type(), c.nullable()));
    }
    return b.build();
  }

  public static DataType fromRel(RelDataType r) {
    switch (r.getSqlTypeName()) {
      case BOOLEAN: return DataType.BOOLEAN;
      case TINYINT: return DataType.TINYINT;
      case SMALLINT: return DataType.SMALLINT;
      case INTEGER: return DataType.INTEGER;
      case BIGINT: return DataType.BIGINT;
      case REAL: return DataType.REAL;
      case FLOAT:
      case DOUBLE:
        return DataType.DOUBLE;
      case DECIMAL: {
        int p = Math.min(Math.max(r.getPrecision(), 1), DataType.MAX_DECIMAL_PRECISION);
        int s = Math.max(0, Math.min(r.getScale(), p));
        return DataType.decimal(p, s);
      }
      case CHAR:
        return DataType.chars(Math.max(1, r.getPrecision()));
      case VARCHAR:
        return r.getPrecision() < 0 || r.getPrecision() >= 65536 ? DataType.VARCHAR
            : DataType.varchar(r.getPrecision());
      case DATE: return DataType.DATE;
      case TIME: return DataType.TIME;
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return DataType.TIMESTAMP;
      case BINARY:
      case VARBINARY:
        return DataType.VARBINARY;
      case NULL: return DataType.NULL;
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
      case INTERVAL_YEAR:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_MONTH:
        // intervals: milliseconds (day-time) or months (year-month) in a long
        return DataType.BIGINT;
      case ARRAY:
        if (r.getComponentType() != null
            && SqlTypeName.APPROX_TYPES.contains(r.getComponentType().getSqlTypeName())) {
          return DataType.vectorOfAnyDimension();
        }
        break;
      case ANY:
        return DataType.VARCHAR;
      default:
        break;
    }
    throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
        "type " + r.getFullTypeString() + " is not supported");
  }

  public static List<ColumnDef> columns(RelDataType rowType) {
    List<ColumnDef> out = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      out.add(new ColumnDef(f.getName(), fromRel(f.getType()), f.getType().isNullable()));
    }
    return out;
  }
}
