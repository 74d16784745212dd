package io.velaria.engine.sql.calcite;

import java.util.function.Predicate;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Whether a statement contains a call matching a predicate: the cheap check the pre-validation
 * rewriters make before copying a tree. A walk over the nodes; unparsing every statement to
 * text to search it cost about 3% of planning a sqllogictest query.
 */
final class SqlTreeSearch {
  private SqlTreeSearch() {}

  static boolean anyCall(SqlNode node, Predicate<SqlCall> test) {
    if (node == null) {
      return false;
    }
    try {
      node.accept(new SqlBasicVisitor<Void>() {
        @Override
        public Void visit(SqlCall call) {
          if (test.test(call)) {
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

  /** Ends the walk at the first match. */
  private static final class Found extends RuntimeException {
    Found() {
      super(null, null, false, false);
    }
  }

  private static final Found FOUND = new Found();
}
