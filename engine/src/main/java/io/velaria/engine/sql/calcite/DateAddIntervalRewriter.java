package io.velaria.engine.sql.calcite;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites {@code DATE_ADD(t, INTERVAL ...)} and {@code DATE_SUB(t, INTERVAL ...)} (also with
 * {@code n * INTERVAL ...}) into {@code t + INTERVAL ...} / {@code t - INTERVAL ...} before
 * validation, so the interval's unit (months, hours, ...) is kept; the function itself takes a
 * number of days (MySQL's and Spark's two forms).
 */
final class DateAddIntervalRewriter extends SqlShuttle {
  static SqlNode apply(SqlNode node) {
    if (node == null) {
      return null;
    }
    return SqlTreeSearch.anyCall(node, DateAddIntervalRewriter::isDateAddOrSub)
        ? node.accept(new DateAddIntervalRewriter()) : node;
  }

  private static boolean isDateAddOrSub(SqlCall call) {
    String name = call.getOperator().getName();
    return name.equalsIgnoreCase("DATE_ADD") || name.equalsIgnoreCase("DATE_SUB");
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlBasicCall) || call.operandCount() != 2) {
      return visited;
    }
    SqlBasicCall c = (SqlBasicCall) visited;
    String name = c.getOperator().getName().toUpperCase(Locale.ROOT);
    if (!name.equals("DATE_ADD") && !name.equals("DATE_SUB")) {
      return visited;
    }
    if (!isInterval(c.operand(1))) {
      return visited;
    }
    return (name.equals("DATE_ADD") ? SqlStdOperatorTable.PLUS : SqlStdOperatorTable.MINUS)
        .createCall(c.getParserPosition(), c.operand(0), c.operand(1));
  }

  private static boolean isInterval(SqlNode n) {
    if (n instanceof SqlIntervalLiteral) {
      return true;
    }
    if (n instanceof SqlCall && n.getKind() == SqlKind.TIMES) {
      for (SqlNode o : ((SqlCall) n).getOperandList()) {
        if (o instanceof SqlIntervalLiteral) {
          return true;
        }
      }
    }
    return false;
  }
}
