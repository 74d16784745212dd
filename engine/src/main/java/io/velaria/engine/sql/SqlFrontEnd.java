package io.velaria.engine.sql;

import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** Parsing entry point: SQL text to Calcite parse trees, with Velaria's grammar. */
public final class SqlFrontEnd {
  private SqlFrontEnd() {}

  public static SqlParser.Config parserConfig() {
    return SqlParser.config()
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false)
        .withConformance(SqlConformanceEnum.LENIENT);
  }

  public static SqlNode parse(String sql) {
    try {
      return SqlParser.create(stripSemicolon(sql), parserConfig()).parseStmt();
    } catch (SqlParseException e) {
      throw SqlErrors.translate(e);
    }
  }

  public static List<SqlNode> parseStatements(String sql) {
    try {
      SqlNodeList list = SqlParser.create(sql, parserConfig()).parseStmtList();
      return list.getList();
    } catch (SqlParseException e) {
      throw SqlErrors.translate(e);
    }
  }

  private static String stripSemicolon(String sql) {
    String s = sql.stripTrailing();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }
}
