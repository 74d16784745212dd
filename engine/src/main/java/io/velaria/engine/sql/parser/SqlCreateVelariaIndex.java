package io.velaria.engine.sql.parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [UNIQUE|KEYWORD|VECTOR|EMBEDDING] INDEX [IF NOT EXISTS] name ON table (col, ...)
 * [USING method] [WITH (key = value, ...)]}.
 */
public final class SqlCreateVelariaIndex extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  /** PLAIN and UNIQUE are ordinary indexes; KEYWORD is Lucene; VECTOR/EMBEDDING are ANN. */
  public enum IndexKind { PLAIN, UNIQUE, KEYWORD, VECTOR, EMBEDDING }

  private final IndexKind indexKind;
  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final List<String> columns;
  private final String using;
  private final LinkedHashMap<String, Object> with;

  public SqlCreateVelariaIndex(SqlParserPos pos, IndexKind indexKind, boolean ifNotExists,
      SqlIdentifier name, SqlIdentifier table, List<String> columns, String using,
      LinkedHashMap<String, Object> with) {
    super(OPERATOR, pos, false, ifNotExists);
    this.indexKind = Objects.requireNonNull(indexKind);
    this.name = Objects.requireNonNull(name);
    this.table = Objects.requireNonNull(table);
    this.columns = List.copyOf(columns);
    this.using = using;
    this.with = new LinkedHashMap<>(with);
  }

  public IndexKind indexKind() { return indexKind; }
  public boolean ifNotExists() { return ifNotExists; }
  public SqlIdentifier name() { return name; }
  public SqlIdentifier table() { return table; }
  /** Indexed columns; a sort direction written after a column is dropped. */
  public List<String> columns() { return columns; }
  /** USING method in lower case (e.g. hnsw), or null. */
  public String using() { return using; }
  /** WITH parameters, lower-case keys; bare words are lower-case strings. A copy. */
  public LinkedHashMap<String, Object> with() { return new LinkedHashMap<>(with); }

  @Override public List<SqlNode> getOperandList() { return List.of(name, table); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (indexKind != IndexKind.PLAIN) {
      writer.keyword(indexKind.name());
    }
    writer.keyword("INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("ON");
    table.unparse(writer, leftPrec, rightPrec);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (String c : columns) {
      writer.sep(",");
      writer.identifier(c, true);
    }
    writer.endList(frame);
    if (using != null) {
      writer.keyword("USING");
      writer.identifier(using.toLowerCase(Locale.ROOT), true);
    }
    if (!with.isEmpty()) {
      writer.keyword("WITH");
      VelariaParserSupport.unparseOptions(writer, with, "=");
    }
  }
}
