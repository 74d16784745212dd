package io.velaria.engine.sql.parser;

import java.util.Objects;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One column of CREATE TABLE. A plain value rather than a SqlNode: nothing walks columns with
 * a SqlVisitor, and the catalog wants the name, type and flags directly.
 */
public final class SqlColumnDeclaration {
  private final SqlParserPos pos;
  private final String name;
  private final SqlDataTypeSpec type;
  private final boolean nullable;
  private final SqlNode defaultValue;
  private final boolean primaryKey;

  public SqlColumnDeclaration(SqlParserPos pos, String name, SqlDataTypeSpec type,
      boolean nullable, SqlNode defaultValue, boolean primaryKey) {
    this.pos = Objects.requireNonNull(pos);
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.nullable = nullable;
    this.defaultValue = defaultValue;
    this.primaryKey = primaryKey;
  }

  public SqlParserPos pos() { return pos; }
  public String name() { return name; }
  /** The declared type; its nullability matches {@link #nullable()}. */
  public SqlDataTypeSpec type() { return type; }
  /** False for NOT NULL and PRIMARY KEY columns. */
  public boolean nullable() { return nullable; }
  /** The DEFAULT expression, or null. */
  public SqlNode defaultValue() { return defaultValue; }
  public boolean primaryKey() { return primaryKey; }

  void unparse(SqlWriter writer) {
    writer.identifier(name, true);
    // The spec carries nullability, but unparse of SqlDataTypeSpec omits it: write it here.
    type.unparse(writer, 0, 0);
    if (primaryKey) {
      writer.keyword("PRIMARY KEY");
    } else if (!nullable) {
      writer.keyword("NOT NULL");
    }
    if (defaultValue != null) {
      writer.keyword("DEFAULT");
      // The grammar reads only a literal or a primary expression after DEFAULT: parenthesize
      // anything else (DEFAULT (1 + 2)) so the text parses back.
      if (defaultValue instanceof SqlLiteral) {
        defaultValue.unparse(writer, 0, 0);
      } else {
        SqlWriter.Frame frame = writer.startList("(", ")");
        defaultValue.unparse(writer, 0, 0);
        writer.endList(frame);
      }
    }
  }

  @Override public String toString() {
    return name + " " + type + (nullable ? "" : " NOT NULL") + (primaryKey ? " PRIMARY KEY" : "");
  }
}
