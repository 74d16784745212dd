package io.velaria.engine.sql.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces {@code x IN ()} by FALSE and {@code x NOT IN ()} by TRUE before validation. The
 * grammar accepts the empty list (SQLite does); Calcite's validator does not. The result does
 * not depend on x, not even when x is NULL: no element of an empty set equals anything.
 */
final class EmptyInListRewriter extends SqlShuttle {
  static SqlNode apply(SqlNode node) {
    return node == null ? null : node.accept(new EmptyInListRewriter());
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlKind kind = call.getKind();
    if ((kind == SqlKind.IN || kind == SqlKind.NOT_IN) && call.operandCount() == 2
        && call.operand(1) instanceof SqlNodeList
        && ((SqlNodeList) call.operand(1)).isEmpty()) {
      return SqlLiteral.createBoolean(kind == SqlKind.NOT_IN, call.getParserPosition());
    }
    return super.visit(call);
  }
}
