package io.velaria.engine.sql.parser;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** Entry point to Velaria's SQL grammar: one parser configuration for the whole engine. */
public final class VelariaSqlParser {
  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(VelariaParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      // LENIENT: LIMIT/OFFSET, "!=", and the other relaxations users of v1 relied on.
      .withConformance(SqlConformanceEnum.LENIENT);

  private VelariaSqlParser() {}

  /** The configuration every component (validator, tools, tests) must parse with. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /** Parses one statement; a trailing semicolon is allowed. */
  public static SqlNode parse(String sql) {
    List<SqlNode> statements = parseStatements(sql);
    if (statements.size() != 1) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR_PARSE,
          "Expected one SQL statement but found " + statements.size());
    }
    return statements.get(0);
  }

  /** Parses statements separated by semicolons. */
  public static List<SqlNode> parseStatements(String sql) {
    try {
      return SqlParser.create(sql, CONFIG).parseStmtList().getList();
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  private static VelariaException syntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    String message = firstLine(e.getMessage());
    if (pos != null && pos.getLineNum() > 0) {
      String where = "line " + pos.getLineNum() + ", column " + pos.getColumnNum();
      if (!message.contains(where)) {
        message = message + " (at " + where + ")";
      }
    }
    return new VelariaException(SqlStates.SYNTAX_ERROR_PARSE, "Syntax error: " + message, e);
  }

  /** Calcite appends the full list of expected tokens; the first line says what went wrong. */
  private static String firstLine(String message) {
    if (message == null) {
      return "invalid SQL";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
