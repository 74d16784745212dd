package io.velaria.engine.sql.parser;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * {@code VECTOR(n)}: a fixed-size float32 vector. Calcite has no such type, so validation sees
 * REAL ARRAY and the engine keeps the dimension in its own catalog.
 */
public final class SqlVectorTypeNameSpec extends SqlTypeNameSpec {
  private final int dimension;

  public SqlVectorTypeNameSpec(int dimension, SqlParserPos pos) {
    super(new SqlIdentifier("VECTOR", pos), pos);
    this.dimension = dimension;
  }

  public int dimension() { return dimension; }

  @Override public RelDataType deriveType(SqlValidator validator) {
    RelDataTypeFactory factory = validator.getTypeFactory();
    return factory.createArrayType(factory.createSqlType(SqlTypeName.REAL), -1);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("VECTOR");
    // FUN_CALL keeps "(" next to the name, as Calcite writes VARCHAR(30).
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
    writer.print(dimension);
    writer.endList(frame);
  }

  @Override public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlVectorTypeNameSpec)
        || ((SqlVectorTypeNameSpec) spec).dimension != dimension) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
