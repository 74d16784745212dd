package io.velaria.engine.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code STOP STREAM name}. */
public final class SqlStopStream extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("STOP STREAM", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;

  public SqlStopStream(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = Objects.requireNonNull(name);
  }

  public SqlIdentifier name() { return name; }

  @Override public SqlOperator getOperator() { return OPERATOR; }

  @Override public List<SqlNode> getOperandList() { return List.of(name); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("STOP STREAM");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
