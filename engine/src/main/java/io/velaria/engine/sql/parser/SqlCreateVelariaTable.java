package io.velaria.engine.sql.parser;

import java.util.LinkedHashMap;
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
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [SOURCE|SINK] TABLE [IF NOT EXISTS] name [(columns, constraints)]
 * [USING format] [OPTIONS(key: value, ...)] [AS query]}.
 */
public final class SqlCreateVelariaTable extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  /** Managed or file table, unbounded stream source, or stream sink. */
  public enum TableKind { TABLE, SOURCE, SINK }

  private final TableKind tableKind;
  private final SqlIdentifier name;
  private final List<SqlColumnDeclaration> columns;
  private final List<String> primaryKey;
  private final String format;
  private final LinkedHashMap<String, Object> options;
  private final SqlNode query;

  public SqlCreateVelariaTable(SqlParserPos pos, TableKind tableKind, boolean ifNotExists,
      SqlIdentifier name, List<SqlColumnDeclaration> columns, List<String> primaryKey,
      String format, LinkedHashMap<String, Object> options, SqlNode query) {
    super(OPERATOR, pos, false, ifNotExists);
    this.tableKind = Objects.requireNonNull(tableKind);
    this.name = Objects.requireNonNull(name);
    this.columns = List.copyOf(columns);
    this.primaryKey = List.copyOf(primaryKey);
    this.format = format;
    this.options = new LinkedHashMap<>(options);
    this.query = query;
  }

  public TableKind tableKind() { return tableKind; }
  public boolean ifNotExists() { return ifNotExists; }
  public SqlIdentifier name() { return name; }
  /** Declared columns; empty when the format or probing supplies the schema. */
  public List<SqlColumnDeclaration> columns() { return columns; }
  /** PRIMARY KEY columns, from a table constraint or column constraints; empty if none. */
  public List<String> primaryKey() { return primaryKey; }
  /** USING format in lower case, or null (probe the file). */
  public String format() { return format; }
  /** OPTIONS with lower-case keys and Java values; a copy, so callers cannot change the node. */
  public LinkedHashMap<String, Object> options() { return new LinkedHashMap<>(options); }
  /** The AS query, or null. */
  public SqlNode query() { return query; }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (tableKind != TableKind.TABLE) {
      writer.keyword(tableKind.name());
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    boolean constraintsLeft = !primaryKey.isEmpty()
        && columns.stream().noneMatch(SqlColumnDeclaration::primaryKey);
    if (!columns.isEmpty()) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlColumnDeclaration c : columns) {
        writer.sep(",");
        c.unparse(writer);
      }
      if (constraintsLeft) {
        // A table-level key (possibly several columns) goes back as a constraint.
        writer.sep(",");
        writer.keyword("PRIMARY KEY");
        SqlWriter.Frame keys = writer.startList("(", ")");
        for (String k : primaryKey) {
          writer.sep(",");
          writer.identifier(k, true);
        }
        writer.endList(keys);
      }
      writer.endList(frame);
    }
    if (format != null) {
      writer.keyword("USING");
      writer.identifier(format, true);
    }
    if (!options.isEmpty()) {
      writer.keyword("OPTIONS");
      VelariaParserSupport.unparseOptions(writer, options, ":");
    }
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }
}
