package io.velaria.engine.sql.calcite;

import io.velaria.engine.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type rules matched to the engine: DECIMAL fits a long (precision 18), SUM keeps the
 * scale at full precision, AVG of a number is DOUBLE (as DuckDB and SQLite answer), and
 * timestamps carry milliseconds.
 */
public final class VelariaTypeSystem extends RelDataTypeSystemImpl {
  public static final VelariaTypeSystem INSTANCE = new VelariaTypeSystem();

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return DataType.MAX_DECIMAL_PRECISION;
    }
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME
        || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return 3;
    }
    return super.getMaxPrecision(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
      return 3;
    }
    return super.getDefaultPrecision(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    switch (argumentType.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
      case DECIMAL:
        return typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.DECIMAL, DataType.MAX_DECIMAL_PRECISION,
                argumentType.getScale()), argumentType.isNullable());
      case REAL:
      case FLOAT:
      case DOUBLE:
        return typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
      default:
        return super.deriveSumType(typeFactory, argumentType);
    }
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeName.NUMERIC_TYPES.contains(argumentType.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
