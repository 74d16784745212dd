package io.velaria.engine.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(col, ...)] AS query}. */
public final class SqlCreateVelariaView extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final List<String> columnNames;
  private final SqlNode query;

  public SqlCreateVelariaView(SqlParserPos pos, boolean orReplace, boolean ifNotExists,
      SqlIdentifier name, List<String> columnNames, SqlNode query) {
    super(OPERATOR, pos, orReplace, ifNotExists);
    this.name = Objects.requireNonNull(name);
    this.columnNames = List.copyOf(columnNames);
    this.query = Objects.requireNonNull(query);
  }

  public boolean orReplace() { return getReplace(); }
  public boolean ifNotExists() { return ifNotExists; }
  public SqlIdentifier name() { return name; }
  /** The optional column list; empty when absent. */
  public List<String> columnNames() { return columnNames; }
  public SqlNode query() { return query; }

  @Override public List<SqlNode> getOperandList() { return List.of(name, query); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (!columnNames.isEmpty()) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (String c : columnNames) {
        writer.sep(",");
        writer.identifier(c, true);
      }
      writer.endList(frame);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
