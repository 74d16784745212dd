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

/** {@code DROP TRIGGER [IF EXISTS] name}. */
public final class SqlDropTrigger extends SqlDrop {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP TRIGGER", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;

  public SqlDropTrigger(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
    super(OPERATOR, pos, ifExists);
    this.name = Objects.requireNonNull(name);
  }

  public boolean ifExists() { return ifExists; }
  public SqlIdentifier name() { return name; }

  @Override public List<SqlNode> getOperandList() { return List.of(name); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP TRIGGER");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
  }
}
