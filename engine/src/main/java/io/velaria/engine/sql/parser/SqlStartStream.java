package io.velaria.engine.sql.parser;

import java.util.LinkedHashMap;
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

/** {@code START STREAM name [WITH (key = value, ...)] AS INSERT INTO sink SELECT ...}. */
public final class SqlStartStream extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("START STREAM", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final LinkedHashMap<String, Object> with;
  private final SqlNode insert;

  public SqlStartStream(SqlParserPos pos, SqlIdentifier name, LinkedHashMap<String, Object> with,
      SqlNode insert) {
    super(pos);
    this.name = Objects.requireNonNull(name);
    this.with = new LinkedHashMap<>(with);
    this.insert = Objects.requireNonNull(insert);
  }

  public SqlIdentifier name() { return name; }
  /** WITH settings (lower-case keys); a copy. */
  public LinkedHashMap<String, Object> with() { return new LinkedHashMap<>(with); }
  /** The INSERT statement the stream runs in the background. */
  public SqlNode insert() { return insert; }

  @Override public SqlOperator getOperator() { return OPERATOR; }

  @Override public List<SqlNode> getOperandList() { return List.of(name, insert); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("START STREAM");
    name.unparse(writer, leftPrec, rightPrec);
    if (!with.isEmpty()) {
      writer.keyword("WITH");
      VelariaParserSupport.unparseOptions(writer, with, "=");
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    insert.unparse(writer, 0, 0);
  }
}
