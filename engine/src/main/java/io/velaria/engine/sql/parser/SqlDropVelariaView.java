package io.velaria.engine.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP VIEW [IF EXISTS] name [CASCADE | RESTRICT]}. */
public final class SqlDropVelariaView extends SqlDrop {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

  private final SqlIdentifier name;
  private final boolean cascade;

  public SqlDropVelariaView(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
    this(pos, ifExists, name, false);
  }

  public SqlDropVelariaView(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.name = Objects.requireNonNull(name);
    this.cascade = cascade;
  }

  public boolean cascade() { return cascade; }

  public boolean ifExists() { return ifExists; }
  public SqlIdentifier name() { return name; }

  @Override public List<SqlNode> getOperandList() { return List.of(name); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP VIEW");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
