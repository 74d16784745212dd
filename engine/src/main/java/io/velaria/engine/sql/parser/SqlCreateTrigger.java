package io.velaria.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE TRIGGER [IF NOT EXISTS] name [BEFORE|AFTER] INSERT|DELETE|UPDATE [OF cols]
 * ON table [FOR EACH ROW] [WHEN cond] BEGIN stmt; ... END}. Unparses to text that parses back
 * to the same trigger, which is how the catalog keeps it.
 */
public final class SqlCreateTrigger extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TRIGGER", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final String timing;
  private final String event;
  private final List<String> ofColumns;
  private final SqlIdentifier table;
  private final SqlNode when;
  private final List<SqlNode> body;

  public SqlCreateTrigger(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      String timing, String event, List<SqlNode> ofColumns, SqlIdentifier table, SqlNode when,
      List<SqlNode> body) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = Objects.requireNonNull(name);
    this.timing = timing;
    this.event = event;
    List<String> cols = new ArrayList<>();
    for (SqlNode c : ofColumns) {
      cols.add(((SqlIdentifier) c).getSimple());
    }
    this.ofColumns = List.copyOf(cols);
    this.table = Objects.requireNonNull(table);
    this.when = when;
    this.body = List.copyOf(body);
  }

  public boolean ifNotExists() { return ifNotExists; }
  public SqlIdentifier name() { return name; }
  /** BEFORE or AFTER. */
  public String timing() { return timing; }
  /** INSERT, DELETE or UPDATE. */
  public String event() { return event; }
  /** For UPDATE OF: the columns whose update fires the trigger; empty for any. */
  public List<String> ofColumns() { return ofColumns; }
  public SqlIdentifier table() { return table; }
  /** The WHEN condition, or null. */
  public SqlNode when() { return when; }
  public List<SqlNode> body() { return body; }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> ops = new ArrayList<>();
    ops.add(name);
    ops.add(table);
    ops.add(when);
    ops.add(new SqlNodeList(body, SqlParserPos.ZERO));
    return ops;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TRIGGER");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword(timing);
    writer.keyword(event);
    if (!ofColumns.isEmpty()) {
      writer.keyword("OF");
      SqlWriter.Frame f = writer.startList("", "");
      for (String c : ofColumns) {
        writer.sep(",");
        writer.identifier(c, true);
      }
      writer.endList(f);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    writer.keyword("FOR EACH ROW");
    if (when != null) {
      writer.keyword("WHEN");
      when.unparse(writer, 0, 0);
    }
    writer.keyword("BEGIN");
    for (SqlNode stmt : body) {
      stmt.unparse(writer, 0, 0);
      writer.print(";");
      writer.newlineAndIndent();
    }
    writer.keyword("END");
  }
}
