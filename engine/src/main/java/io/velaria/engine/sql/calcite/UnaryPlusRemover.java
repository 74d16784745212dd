package io.velaria.engine.sql.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Removes unary plus before validation: {@code +x} is {@code x} for any type (as SQLite and
 * the sqllogictest suite expect), while Calcite would demand a number and cast text to one.
 */
final class UnaryPlusRemover extends SqlShuttle {
  static SqlNode apply(SqlNode node) {
    return contains(node) ? node.accept(new UnaryPlusRemover()) : node;
  }

  /**
   * Cheap check first, so statements without unary plus are not copied (a walk over the tree;
   * unparsing the statement to look for "+" cost more than the copy it saved).
   */
  private static boolean contains(SqlNode node) {
    return node != null && SqlTreeSearch.anyCall(node, c -> c.getKind() == SqlKind.PLUS_PREFIX);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.PLUS_PREFIX) {
      SqlNode operand = call.operand(0);
      return operand == null ? null : operand.accept(this);
    }
    return super.visit(call);
  }
}
