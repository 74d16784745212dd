package io.velaria.engine.sql.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Gives the parameters of {@code POSITION(a IN b [FROM n])} their types before validation
 * ({@code CAST(? AS VARCHAR)} for a and b, {@code CAST(? AS BIGINT)} for n): Calcite's
 * POSITION cannot infer them and would reject {@code POSITION(? IN s)} as an illegal use of a
 * dynamic parameter.
 */
final class PositionParameterTyper extends SqlShuttle {
  static SqlNode apply(SqlNode node) {
    if (node == null) {
      return null;
    }
    return SqlTreeSearch.anyCall(node, c -> c.getKind() == SqlKind.POSITION
        && c.getOperandList().stream().anyMatch(o -> o instanceof SqlDynamicParam))
        ? node.accept(new PositionParameterTyper()) : node;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlBasicCall) || visited.getKind() != SqlKind.POSITION) {
      return visited;
    }
    SqlBasicCall c = (SqlBasicCall) visited;
    List<SqlNode> ops = c.getOperandList();
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i) instanceof SqlDynamicParam) {
        SqlNode p = ops.get(i);
        SqlTypeName t = i < 2 ? SqlTypeName.VARCHAR : SqlTypeName.BIGINT;
        c.setOperand(i, SqlStdOperatorTable.CAST.createCall(p.getParserPosition(), p,
            new SqlDataTypeSpec(new SqlBasicTypeNameSpec(t, p.getParserPosition()),
                p.getParserPosition())));
      }
    }
    return c;
  }
}
