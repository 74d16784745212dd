package io.velaria.engine.sql.parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code COPY (query) TO 'path' [(FORMAT parquet, ...)]} or {@code COPY table TO 'path' [(...)]}.
 * The table form is kept as {@code SELECT * FROM table} so the engine handles one shape.
 */
public final class SqlCopyTo extends SqlCall {
  public static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY", SqlKind.OTHER);

  private final SqlNode query;
  private final SqlIdentifier table;
  private final String path;
  private final LinkedHashMap<String, Object> options;

  /** Exactly one of {@code query} and {@code table} is non-null. */
  public SqlCopyTo(SqlParserPos pos, SqlNode query, SqlIdentifier table, String path,
      LinkedHashMap<String, Object> options) {
    super(pos);
    if ((query == null) == (table == null)) {
      throw new IllegalArgumentException("COPY needs either a query or a table");
    }
    this.table = table;
    this.query = query != null ? query : selectAll(table);
    this.path = Objects.requireNonNull(path);
    this.options = new LinkedHashMap<>(options);
  }

  private static SqlNode selectAll(SqlIdentifier table) {
    SqlParserPos pos = table.getParserPosition();
    return new SqlSelect(pos, SqlNodeList.EMPTY, SqlNodeList.of(SqlIdentifier.star(pos)), table,
        null, null, null, null, null, null, null, SqlNodeList.EMPTY);
  }

  /** The rows to write; {@code SELECT * FROM t} for the table form. */
  public SqlNode query() { return query; }
  /** The table of the table form, or null. */
  public SqlIdentifier table() { return table; }
  public String path() { return path; }
  /** Lower-case keys; bare-word values as lower-case strings. A copy. */
  public LinkedHashMap<String, Object> options() { return new LinkedHashMap<>(options); }

  @Override public SqlOperator getOperator() { return OPERATOR; }

  @Override public List<SqlNode> getOperandList() { return List.of(query); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    if (table != null) {
      table.unparse(writer, 0, 0);
    } else {
      SqlWriter.Frame frame = writer.startList("(", ")");
      query.unparse(writer, 0, 0);
      writer.endList(frame);
    }
    writer.keyword("TO");
    writer.literal(VelariaParserSupport.quote(path));
    if (!options.isEmpty()) {
      VelariaParserSupport.unparseOptions(writer, options, null);
    }
  }
}
