package io.velaria.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code REINDEX [name]} (SQLite, PostgreSQL): rebuilds an index, or the indexes of a table.
 * Plain indexes are accepted as no-ops, so this only checks that the name exists.
 */
public final class SqlReindex extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("REINDEX", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;

  public SqlReindex(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  /** The index or table, or null for all. */
  public SqlIdentifier name() { return name; }

  @Override public SqlOperator getOperator() { return OPERATOR; }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> out = new ArrayList<>();
    if (name != null) {
      out.add(name);
    }
    return out;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("REINDEX");
    if (name != null) {
      name.unparse(writer, leftPrec, rightPrec);
    }
  }
}
