package io.velaria.engine.sql;

import io.velaria.engine.sql.parser.VelariaSqlParser;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Parsing entry point: SQL text to Calcite parse trees, with Velaria's grammar. */
public final class SqlFrontEnd {
  private SqlFrontEnd() {}

  public static SqlNode parse(String sql) {
    return VelariaSqlParser.parse(sql);
  }

  public static List<SqlNode> parseStatements(String sql) {
    return VelariaSqlParser.parseStatements(sql);
  }
}
