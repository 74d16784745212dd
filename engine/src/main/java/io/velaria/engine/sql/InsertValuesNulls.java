package io.velaria.engine.sql;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A multi-row {@code INSERT ... VALUES} that gives a VECTOR column as text in some rows and as
 * a bare NULL in others: Calcite would type that VALUES column as the target's array type while
 * the text literals stay text, and trip its own consistency check. Typing those NULLs as text
 * ({@code CAST(NULL AS VARCHAR)}) keeps the column text, which the insert converts to vectors
 * like any other vector text.
 */
final class InsertValuesNulls {
  private InsertValuesNulls() {}

  static void typeVectorNulls(SqlInsert insert, List<ColumnDef> tableColumns) {
    SqlNode source = insert.getSource();
    if (source.getKind() != SqlKind.VALUES) {
      return;
    }
    List<ColumnDef> targets = targets(insert, tableColumns);
    if (targets == null) {
      return;
    }
    List<SqlNode> rows = ((SqlCall) source).getOperandList();
    for (int col = 0; col < targets.size(); col++) {
      if (targets.get(col).type().kind() != TypeKind.VECTOR || !hasText(rows, col)) {
        continue;
      }
      for (SqlNode row : rows) {
        SqlCall r = (SqlCall) row;
        if (col < r.operandCount() && isNullLiteral(r.operand(col))) {
          r.setOperand(col, textNull(r.operand(col).getParserPosition()));
        }
      }
    }
  }

  /** Target columns in VALUES order, or null when a name does not resolve (validation says). */
  private static List<ColumnDef> targets(SqlInsert insert, List<ColumnDef> tableColumns) {
    SqlNodeList names = insert.getTargetColumnList();
    if (names == null) {
      return tableColumns;
    }
    List<ColumnDef> out = new ArrayList<>();
    for (SqlNode n : names) {
      String name = ((SqlIdentifier) n).getSimple();
      ColumnDef found = null;
      for (ColumnDef c : tableColumns) {
        if (c.name().equalsIgnoreCase(name)) {
          found = c;
        }
      }
      if (found == null) {
        return null;
      }
      out.add(found);
    }
    return out;
  }

  private static boolean hasText(List<SqlNode> rows, int col) {
    for (SqlNode row : rows) {
      if (row.getKind() != SqlKind.ROW) {
        return false;
      }
      SqlCall r = (SqlCall) row;
      if (col < r.operandCount() && r.operand(col) instanceof SqlLiteral
          && ((SqlLiteral) r.operand(col)).getTypeName().getFamily()
              == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNullLiteral(SqlNode n) {
    return n instanceof SqlLiteral && ((SqlLiteral) n).getTypeName() == SqlTypeName.NULL;
  }

  private static SqlNode textNull(SqlParserPos pos) {
    SqlDataTypeSpec varchar = new SqlDataTypeSpec(
        new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos);
    return new SqlBasicCall(SqlStdOperatorTable.CAST,
        new SqlNode[] {SqlLiteral.createNull(pos), varchar}, pos);
  }
}
