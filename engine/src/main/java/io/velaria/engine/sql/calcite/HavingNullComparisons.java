package io.velaria.engine.sql.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces, in HAVING clauses, a comparison ({@code = <> < <= > >=}, or {@code IN} / {@code NOT
 * IN} a non-empty value list) one of whose operands is certainly NULL (a NULL literal, possibly
 * under CAST, a sign, or arithmetic) by {@code (x IS NULL OR TRUE) AND CAST(NULL AS BOOLEAN)}:
 * UNKNOWN, as the comparison is, with the other operand x still validated.
 *
 * <p>Why: SqlToRel leaves such a comparison in the HAVING filter, and a SELECT DISTINCT above
 * it asks Calcite's predicate metadata about the filter, which asserts that no predicate
 * compares with NULL ("Comparison with NULL in pulledUpPredicates", an internal error;
 * sqllogictest {@code random/groupby}).
 */
final class HavingNullComparisons extends SqlShuttle {
  static SqlNode apply(SqlNode node) {
    if (node == null) {
      return null;
    }
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getHaving() != null) {
          select.setHaving(select.getHaving().accept(new HavingNullComparisons()));
        }
        return super.visit(call);
      }
    });
    return node;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call instanceof SqlSelect) {
      return call;  // a subquery's own HAVING is handled by apply's walk
    }
    SqlNode other = nullComparisonOperand(call);
    if (other != null) {
      return unknown(other, call.getParserPosition());
    }
    return super.visit(call);
  }

  /** The operand that is not certainly NULL, when {@code call} is a comparison with NULL. */
  private static SqlNode nullComparisonOperand(SqlCall call) {
    switch (call.getKind()) {
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        if (call.operandCount() != 2) {
          return null;
        }
        if (certainlyNull(call.operand(1))) {
          return call.operand(0);
        }
        return certainlyNull(call.operand(0)) ? call.operand(1) : null;
      case IN:
      case NOT_IN:
        if (call.operandCount() == 2 && certainlyNull(call.operand(0))
            && call.operand(1) instanceof SqlNodeList list && !list.isEmpty()) {
          return list;
        }
        return null;
      default:
        return null;
    }
  }

  /** NULL whatever the row: a NULL literal, or a strict operation on one. */
  static boolean certainlyNull(SqlNode n) {
    if (n == null) {
      return false;
    }
    if (SqlUtil.isNullLiteral(n, true)) {
      return true;
    }
    if (!(n instanceof SqlCall call)) {
      return false;
    }
    switch (call.getKind()) {
      case MINUS_PREFIX:
      case PLUS_PREFIX:
      case CAST:
        return certainlyNull(call.operand(0));
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD:
        List<SqlNode> ops = call.getOperandList();
        return ops.size() == 2 && (certainlyNull(ops.get(0)) || certainlyNull(ops.get(1)));
      default:
        return false;
    }
  }

  private static SqlNode unknown(SqlNode other, SqlParserPos pos) {
    SqlNode validated;
    if (other instanceof SqlNodeList list) {
      // keep every list element validated: (e1 IS NULL OR e2 IS NULL OR ... OR TRUE)
      validated = SqlLiteral.createBoolean(true, pos);
      for (SqlNode e : list) {
        validated = SqlStdOperatorTable.OR.createCall(pos,
            SqlStdOperatorTable.IS_NULL.createCall(pos, e), validated);
      }
    } else {
      validated = SqlStdOperatorTable.OR.createCall(pos,
          SqlStdOperatorTable.IS_NULL.createCall(pos, other), SqlLiteral.createBoolean(true, pos));
    }
    SqlNode nullBoolean = SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos),
        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, pos), pos));
    return SqlStdOperatorTable.AND.createCall(pos, validated, nullBoolean);
  }
}
