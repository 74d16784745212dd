package io.velaria.engine.sql;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/** Turns Calcite's exceptions into user errors with a position and a meaningful SQLState. */
public final class SqlErrors {
  private SqlErrors() {}

  public static VelariaException translate(Throwable e) {
    if (e instanceof VelariaException) {
      return (VelariaException) e;
    }
    Throwable t = e;
    while (t != null) {
      if (t instanceof VelariaException) {
        return (VelariaException) t;
      }
      if (t instanceof CalciteContextException) {
        CalciteContextException c = (CalciteContextException) t;
        String msg = c.getCause() != null && c.getCause().getMessage() != null
            ? c.getCause().getMessage() : c.getMessage();
        return new VelariaException(stateFor(msg),
            msg + " (line " + c.getPosLine() + ", column " + c.getPosColumn() + ")", e);
      }
      if (t instanceof SqlParseException) {
        SqlParseException p = (SqlParseException) t;
        String first = firstLine(p.getMessage());
        String where = p.getPos() == null ? ""
            : " (line " + p.getPos().getLineNum() + ", column " + p.getPos().getColumnNum() + ")";
        return new VelariaException(SqlStates.SYNTAX_ERROR_PARSE, first + where, e);
      }
      if (t instanceof SqlValidatorException) {
        return new VelariaException(stateFor(t.getMessage()), t.getMessage(), e);
      }
      t = t.getCause();
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new VelariaException(SqlStates.INTERNAL_ERROR, "internal error: " + msg, e);
  }

  private static String stateFor(String msg) {
    if (msg == null) {
      return SqlStates.SYNTAX_ERROR;
    }
    if (msg.contains("Object '") && msg.contains("not found")) {
      return msg.contains("Column") ? SqlStates.UNDEFINED_COLUMN : SqlStates.UNDEFINED_TABLE;
    }
    if (msg.startsWith("Column '") && msg.contains("not found")) {
      return SqlStates.UNDEFINED_COLUMN;
    }
    if (msg.contains("does not allow NULLs")) {
      return SqlStates.NOT_NULL_VIOLATION;
    }
    if (msg.startsWith("No match found for function signature")) {
      return SqlStates.UNDEFINED_FUNCTION;
    }
    if (msg.startsWith("Cannot apply") || msg.contains("cannot be assigned")) {
      return SqlStates.DATATYPE_MISMATCH;
    }
    return SqlStates.SYNTAX_ERROR;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
