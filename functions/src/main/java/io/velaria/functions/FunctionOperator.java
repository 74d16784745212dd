package io.velaria.functions;

import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A registered function as Calcite's validator sees it: operand checking against the
 * function's signatures (with the conversions {@link Arg} allows) and result type inference.
 * Any argument count is let through to the type check, so a wrong count gets the same clear
 * message ("Cannot apply 'F' to arguments of type ... Supported form(s): ...").
 */
final class FunctionOperator extends SqlFunction {
  private final Fn fn;

  FunctionOperator(Fn fn, String name) {
    super(name, SqlKind.OTHER_FUNCTION, null, new Inference(fn), new Checker(fn),
        category(fn.category));
    this.fn = fn;
  }

  private static SqlFunctionCategory category(Fn.Category c) {
    switch (c) {
      case STRING: return SqlFunctionCategory.STRING;
      case NUMERIC: return SqlFunctionCategory.NUMERIC;
      case TIMEDATE: return SqlFunctionCategory.TIMEDATE;
      default: return SqlFunctionCategory.SYSTEM;
    }
  }

  Fn fn() {
    return fn;
  }

  @Override
  public boolean isDeterministic() {
    return fn.deterministic;
  }

  @Override
  public boolean isDynamicFunction() {
    return !fn.deterministic;
  }

  static List<DataType> types(SqlOperatorBinding b) {
    List<DataType> out = new ArrayList<>();
    for (int i = 0; i < b.getOperandCount(); i++) {
      out.add(type(b.getOperandType(i)));
    }
    return out;
  }

  private static DataType type(RelDataType t) {
    try {
      return TypeMapping.fromRel(t);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding b) {
    List<DataType> types = types(b);
    Sig sig = fn.match(types);
    RelDataTypeFactory f = b.getTypeFactory();
    RelDataType t;
    if (sig == null) {
      t = f.createSqlType(SqlTypeName.ANY);
    } else if (sig.result == Arg.NUMERIC) {
      t = b.getOperandType(0);
    } else if (fn.name.equals("DATE_ADD") || fn.name.equals("DATE_SUB")) {
      t = b.getOperandType(0).getSqlTypeName() == SqlTypeName.DATE
          ? f.createSqlType(SqlTypeName.DATE) : f.createSqlType(SqlTypeName.TIMESTAMP, 3);
    } else {
      t = TypeMapping.toRel(f, Fn.resultType(sig.result, types), false);
    }
    boolean nullable = fn.nullableResult;
    for (int i = 0; i < b.getOperandCount(); i++) {
      RelDataType o = b.getOperandType(i);
      nullable |= o.isNullable() || o.getSqlTypeName() == SqlTypeName.NULL;
    }
    return f.createTypeWithNullability(t, nullable);
  }

  /** Types for operands the validator cannot type (dynamic parameters): from the signature. */
  private static final class Inference implements SqlOperandTypeInference {
    private final Fn fn;

    Inference(Fn fn) {
      this.fn = fn;
    }

    @Override
    public void inferOperandTypes(SqlCallBinding b, RelDataType returnType,
        RelDataType[] operandTypes) {
      int n = operandTypes.length;
      Sig sig = null;
      for (Sig s : fn.sigs) {
        if (s.varargs ? n >= s.args.length : n == s.args.length) {
          sig = s;
          break;
        }
      }
      if (sig == null) {
        return;
      }
      RelDataTypeFactory f = b.getTypeFactory();
      for (int i = 0; i < n; i++) {
        if (!(b.operand(i) instanceof org.apache.calcite.sql.SqlDynamicParam)) {
          continue;
        }
        if (sig.arg(i) == Arg.VECTOR) {
          // a float[] or java.sql.Array parameter: typed as a VECTOR, not as its text
          operandTypes[i] = f.createTypeWithNullability(
              f.createArrayType(f.createSqlType(SqlTypeName.REAL), -1), true);
          continue;
        }
        SqlTypeName t;
        switch (sig.arg(i)) {
          case BIGINT: t = SqlTypeName.BIGINT; break;
          case DOUBLE:
          case NUMERIC: t = SqlTypeName.DOUBLE; break;
          case BOOLEAN: t = SqlTypeName.BOOLEAN; break;
          case DATETIME: t = SqlTypeName.TIMESTAMP; break;
          default: t = SqlTypeName.VARCHAR; break;
        }
        operandTypes[i] = f.createTypeWithNullability(
            t == SqlTypeName.TIMESTAMP ? f.createSqlType(t, 3) : f.createSqlType(t), true);
      }
    }
  }

  private static final class Checker implements SqlOperandTypeChecker {
    private final Fn fn;

    Checker(Fn fn) {
      this.fn = fn;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding b, boolean throwOnFailure) {
      if (fn.match(types(b)) != null) {
        return true;
      }
      if (throwOnFailure) {
        throw b.newValidationSignatureError();
      }
      return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.any();
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return fn.expected(opName);
    }
  }
}
