package io.velaria.engine.sql.parser;

import java.util.Objects;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A SELECT with a WINDOW BY clause. Built by Calcite's patched SqlSelect() rule (see
 * patch-parser.xml). Calcite's copies (validator, shuttles) rebuild plain SqlSelects and drop
 * the clause, so the engine must read {@link #windowBy()} before validation.
 */
public final class VelariaSqlSelect extends SqlSelect {
  private final SqlWindowBy windowBy;

  private VelariaSqlSelect(SqlWindowBy windowBy, SqlParserPos pos, SqlNodeList keywordList,
      SqlNodeList selectList, SqlNode from, SqlNode where, SqlNodeList groupBy, SqlNode having,
      SqlNodeList windowDecls, SqlNode qualify, SqlNodeList orderBy, SqlNode offset,
      SqlNode fetch, SqlNodeList hints) {
    super(pos, keywordList, selectList, from, where, groupBy, having, windowDecls, qualify,
        orderBy, offset, fetch, hints);
    this.windowBy = Objects.requireNonNull(windowBy);
  }

  /** Called by the grammar: a plain SqlSelect without WINDOW BY, so standard SQL is untouched. */
  public static SqlSelect create(SqlWindowBy windowBy, SqlParserPos pos, SqlNodeList keywordList,
      SqlNodeList selectList, SqlNode from, SqlNode where, SqlNodeList groupBy, SqlNode having,
      SqlNodeList windowDecls, SqlNode qualify, SqlNodeList orderBy, SqlNode offset,
      SqlNode fetch, SqlNodeList hints) {
    if (windowBy == null) {
      return new SqlSelect(pos, keywordList, selectList, from, where, groupBy, having,
          windowDecls, qualify, orderBy, offset, fetch, hints);
    }
    return new VelariaSqlSelect(windowBy, pos, keywordList, selectList, from, where, groupBy,
        having, windowDecls, qualify, orderBy, offset, fetch, hints);
  }

  public SqlWindowBy windowBy() { return windowBy; }

  /**
   * Calcite's SELECT writer has no slot for WINDOW BY: write SELECT .. FROM .. WHERE with it,
   * then the clause, then the remaining clauses by hand.
   */
  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame outer = writer.inQuery() ? null
        : writer.startList(SqlWriter.FrameTypeEnum.SUB_QUERY, "(", ")");
    SqlSelect head = new SqlSelect(getParserPosition(), (SqlNodeList) getOperandList().get(0),
        getSelectList(), getFrom(), getWhere(), null, null, null, null, null, null, null,
        getHints());
    SqlSelectOperator.INSTANCE.unparse(writer, head, 0, 0);
    writer.newlineAndIndent();
    windowBy.unparse(writer);
    if (getGroup() != null) {
      writer.newlineAndIndent();
      writer.keyword("GROUP BY");
      unparseList(writer, getGroup());
    }
    if (getHaving() != null) {
      writer.newlineAndIndent();
      writer.keyword("HAVING");
      getHaving().unparse(writer, 0, 0);
    }
    if (getWindowList().size() > 0) {
      writer.newlineAndIndent();
      writer.keyword("WINDOW");
      SqlWriter.Frame frame = writer.startList("", "");
      for (SqlNode node : getWindowList()) {
        // SqlWindow writes its own "name AS (...)".
        writer.sep(",");
        node.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (getQualify() != null) {
      writer.newlineAndIndent();
      writer.keyword("QUALIFY");
      getQualify().unparse(writer, 0, 0);
    }
    if (outer != null) {
      writer.endList(outer);
    }
  }

  private static void unparseList(SqlWriter writer, SqlNodeList list) {
    SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode node : list) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
