package io.velaria.engine.sql.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;
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
    if (node == null) {
      return false;
    }
    try {
      node.accept(new SqlBasicVisitor<Void>() {
        @Override
        public Void visit(SqlCall call) {
          if (call.getKind() == SqlKind.PLUS_PREFIX) {
            throw FOUND;
          }
          return super.visit(call);
        }
      });
      return false;
    } catch (Found e) {
      return true;
    }
  }

  /** Ends the walk at the first unary plus. */
  private static final class Found extends RuntimeException {
    Found() {
      super(null, null, false, false);
    }
  }

  private static final Found FOUND = new Found();

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.PLUS_PREFIX) {
      SqlNode operand = call.operand(0);
      return operand == null ? null : operand.accept(this);
    }
    return super.visit(call);
  }
}
