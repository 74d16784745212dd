package io.velaria.engine.exec.expr;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.sql.calcite.QueryPlanner;
import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles Calcite row expressions into {@link Evaluator}s that compute whole columns. Every
 * evaluator it returns produces exactly the expression's type (a cast is added where a kernel
 * works in another representation).
 */
public final class ExprCompiler {
  private final ExecContext ctx;
  /** Only SEARCH expansion needs one; built on first use (a RexBuilder per compiler showed in
   * profiles of many small statements). */
  private RexBuilder rexBuilder;

  public ExprCompiler(ExecContext ctx) {
    this.ctx = ctx;
  }

  public Evaluator compile(RexNode node, DataType[] inputTypes) {
    if (node instanceof RexLiteral
        && ((RexLiteral) node).getTypeName() == SqlTypeName.SYMBOL) {
      // a flag operand (TRIM's BOTH/LEADING/TRAILING, a time unit): its name, for functions
      Object v = ((RexLiteral) node).getValue();
      return new ConstantEvaluator(DataType.VARCHAR, v == null ? null : v.toString());
    }
    DataType type = TypeMapping.fromRel(node.getType());
    Evaluator e = compileRaw(node, inputTypes, type);
    return coerce(e, type);
  }

  /** Wraps {@code e} in a cast when it does not already produce {@code type}. */
  public static Evaluator coerce(Evaluator e, DataType type) {
    if (e.type().equals(type) || type.kind() == TypeKind.NULL) {
      return e;
    }
    if (CastEvaluator.sameRepresentation(e.type(), type)
        && e.type().kind() == type.kind()) {
      return e;
    }
    return new CastEvaluator(e, type);
  }

  private List<Evaluator> compileAll(List<RexNode> nodes, DataType[] inputTypes) {
    List<Evaluator> out = new ArrayList<>(nodes.size());
    for (RexNode n : nodes) {
      out.add(compile(n, inputTypes));
    }
    return out;
  }

  /** An evaluator that reads input column {@code index} as {@code type}, casting if needed. */
  public static Evaluator column(int index, DataType inputType, DataType type) {
    return coerce(new InputRefEvaluator(index, inputType), type);
  }

  private Evaluator compileRaw(RexNode node, DataType[] inputTypes, DataType type) {
    if (node instanceof RexInputRef) {
      int i = ((RexInputRef) node).getIndex();
      return new InputRefEvaluator(i, inputTypes[i]);
    }
    if (node instanceof RexLiteral) {
      return new ConstantEvaluator(type, InternalValues.fromLiteral((RexLiteral) node, type));
    }
    if (node instanceof RexDynamicParam) {
      int index = ((RexDynamicParam) node).getIndex();
      return new ConstantEvaluator(type, InternalValues.convert(ctx.parameter(index), type));
    }
    if (!(node instanceof RexCall)) {
      throw unsupported(node.toString());
    }
    RexCall call = (RexCall) node;
    List<RexNode> ops = call.getOperands();
    switch (call.getKind()) {
      case SEARCH:
        if (rexBuilder == null) {
          rexBuilder = new RexBuilder(QueryPlanner.typeFactory());
        }
        return compile(RexUtil.expandSearch(rexBuilder, null, call), inputTypes);
      case PLUS:
      case MINUS:
        if (isTemporal(type) || isInterval(ops.get(1).getType())
            && isTemporal(TypeMapping.fromRel(ops.get(0).getType()))) {
          return dateArithmetic(call, inputTypes, type);
        }
        if (isInterval(call.getType())) {
          return dateDifference(call, inputTypes, type);
        }
        return arithmetic(call.getKind() == org.apache.calcite.sql.SqlKind.PLUS
            ? ArithmeticEvaluator.Op.ADD : ArithmeticEvaluator.Op.SUB, ops, inputTypes, type);
      case TIMES:
        return arithmetic(ArithmeticEvaluator.Op.MUL, ops, inputTypes, type);
      case DIVIDE:
        return arithmetic(ArithmeticEvaluator.Op.DIV, ops, inputTypes, type);
      case MOD:
        return arithmetic(ArithmeticEvaluator.Op.MOD, ops, inputTypes, type);
      case MINUS_PREFIX:
        return new ArithmeticEvaluator(ArithmeticEvaluator.Op.SUB,
            new ConstantEvaluator(type, zero(type)), compile(ops.get(0), inputTypes), type);
      case PLUS_PREFIX:
      case REINTERPRET:
        return compile(ops.get(0), inputTypes);
      case EQUALS: return comparison(ComparisonEvaluator.Op.EQ, ops, inputTypes);
      case NOT_EQUALS: return comparison(ComparisonEvaluator.Op.NE, ops, inputTypes);
      case LESS_THAN: return comparison(ComparisonEvaluator.Op.LT, ops, inputTypes);
      case LESS_THAN_OR_EQUAL: return comparison(ComparisonEvaluator.Op.LE, ops, inputTypes);
      case GREATER_THAN: return comparison(ComparisonEvaluator.Op.GT, ops, inputTypes);
      case GREATER_THAN_OR_EQUAL: return comparison(ComparisonEvaluator.Op.GE, ops, inputTypes);
      case IS_DISTINCT_FROM: return comparison(ComparisonEvaluator.Op.DISTINCT, ops, inputTypes);
      case IS_NOT_DISTINCT_FROM:
        return comparison(ComparisonEvaluator.Op.NOT_DISTINCT, ops, inputTypes);
      case AND: return new LogicalEvaluator(true, compileAll(ops, inputTypes));
      case OR: return new LogicalEvaluator(false, compileAll(ops, inputTypes));
      case NOT: return new NotEvaluator(compile(ops.get(0), inputTypes));
      case IS_NULL: return nullTest(NullTestEvaluator.Test.IS_NULL, ops, inputTypes);
      case IS_NOT_NULL: return nullTest(NullTestEvaluator.Test.IS_NOT_NULL, ops, inputTypes);
      case IS_TRUE: return nullTest(NullTestEvaluator.Test.IS_TRUE, ops, inputTypes);
      case IS_NOT_TRUE: return nullTest(NullTestEvaluator.Test.IS_NOT_TRUE, ops, inputTypes);
      case IS_FALSE: return nullTest(NullTestEvaluator.Test.IS_FALSE, ops, inputTypes);
      case IS_NOT_FALSE: return nullTest(NullTestEvaluator.Test.IS_NOT_FALSE, ops, inputTypes);
      case CASE: return caseWhen(ops, inputTypes, type);
      case CAST:
      case SAFE_CAST:
        return new CastEvaluator(compile(ops.get(0), inputTypes), type);
      case LIKE: {
        Character escape = null;
        if (ops.size() > 2) {
          String esc = ((RexLiteral) ops.get(2)).getValueAs(String.class);
          escape = esc == null || esc.isEmpty() ? null : esc.charAt(0);
        }
        boolean ci = call.getOperator().getName().equalsIgnoreCase("ILIKE");
        Evaluator like = new LikeEvaluator(compile(ops.get(0), inputTypes),
            compile(ops.get(1), inputTypes), escape, ci);
        return call.getOperator().getName().toUpperCase().startsWith("NOT")
            ? new NotEvaluator(like) : like;
      }
      case EXTRACT: {
        TimeUnitRange unit = ((RexLiteral) ops.get(0)).getValueAs(TimeUnitRange.class);
        return new ExtractEvaluator(unit, compile(ops.get(1), inputTypes), type);
      }
      case COALESCE: {
        List<Evaluator> conds = new ArrayList<>();
        List<Evaluator> vals = new ArrayList<>();
        for (int i = 0; i < ops.size() - 1; i++) {
          Evaluator v = compile(ops.get(i), inputTypes);
          conds.add(new NullTestEvaluator(NullTestEvaluator.Test.IS_NOT_NULL, v));
          vals.add(coerce(v, type));
        }
        return new CaseEvaluator(conds, vals, coerce(compile(ops.get(ops.size() - 1),
            inputTypes), type), type);
      }
      default:
        return BuiltinFunctions.compile(call, compileAll(ops, inputTypes), type);
    }
  }

  private static boolean isTemporal(DataType t) {
    return t.kind() == TypeKind.DATE || t.kind() == TypeKind.TIMESTAMP
        || t.kind() == TypeKind.TIME;
  }

  private static boolean isInterval(org.apache.calcite.rel.type.RelDataType t) {
    return SqlTypeName.INTERVAL_TYPES.contains(t.getSqlTypeName());
  }

  private Evaluator dateArithmetic(RexCall call, DataType[] inputTypes, DataType type) {
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    if (isInterval(a.getType())) {
      RexNode t = a;
      a = b;
      b = t;
    }
    boolean months = b.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH
        || b.getType().getSqlTypeName() == SqlTypeName.INTERVAL_YEAR
        || b.getType().getSqlTypeName() == SqlTypeName.INTERVAL_YEAR_MONTH
        || b.getType().getSqlTypeName() == SqlTypeName.INTERVAL_MONTH;
    boolean subtract = call.getKind() == org.apache.calcite.sql.SqlKind.MINUS;
    return new DateArithmeticEvaluator(compile(a, inputTypes), compile(b, inputTypes), months,
        subtract, type);
  }

  /** (d1 - d2) as an interval: milliseconds, or months for year-month intervals. */
  private Evaluator dateDifference(RexCall call, DataType[] inputTypes, DataType type) {
    Evaluator a = compile(call.getOperands().get(0), inputTypes);
    Evaluator b = compile(call.getOperands().get(1), inputTypes);
    boolean months = call.getType().getSqlTypeName().getFamily()
        == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    return new RowFunctionEvaluator("DATE_DIFF", List.of(a, b), args -> {
      long x = (Long) args[0];
      long y = (Long) args[1];
      if (a.type().kind() == TypeKind.DATE) {
        x *= io.velaria.engine.util.DateTimes.MS_PER_DAY;
        y *= io.velaria.engine.util.DateTimes.MS_PER_DAY;
      }
      if (months) {
        long dx = Math.floorDiv(x, io.velaria.engine.util.DateTimes.MS_PER_DAY);
        long dy = Math.floorDiv(y, io.velaria.engine.util.DateTimes.MS_PER_DAY);
        return (long) (io.velaria.engine.util.DateTimes.year(dx) * 12
            + io.velaria.engine.util.DateTimes.month(dx))
            - (io.velaria.engine.util.DateTimes.year(dy) * 12
            + io.velaria.engine.util.DateTimes.month(dy));
      }
      return x - y;
    }, true, type);
  }

  private Evaluator arithmetic(ArithmeticEvaluator.Op op, List<RexNode> ops,
      DataType[] inputTypes, DataType type) {
    return new ArithmeticEvaluator(op, compile(ops.get(0), inputTypes),
        compile(ops.get(1), inputTypes), type);
  }

  private Evaluator comparison(ComparisonEvaluator.Op op, List<RexNode> ops,
      DataType[] inputTypes) {
    return new ComparisonEvaluator(op, compile(ops.get(0), inputTypes),
        compile(ops.get(1), inputTypes));
  }

  private Evaluator nullTest(NullTestEvaluator.Test t, List<RexNode> ops, DataType[] inputTypes) {
    return new NullTestEvaluator(t, compile(ops.get(0), inputTypes));
  }

  private Evaluator caseWhen(List<RexNode> ops, DataType[] inputTypes, DataType type) {
    List<Evaluator> conds = new ArrayList<>();
    List<Evaluator> vals = new ArrayList<>();
    int i = 0;
    for (; i + 1 < ops.size(); i += 2) {
      conds.add(compile(ops.get(i), inputTypes));
      vals.add(coerce(compile(ops.get(i + 1), inputTypes), type));
    }
    Evaluator otherwise = i < ops.size() ? coerce(compile(ops.get(i), inputTypes), type) : null;
    return new CaseEvaluator(conds, vals, otherwise, type);
  }

  private static Object zero(DataType type) {
    return type.physical() == io.velaria.engine.type.PhysicalKind.DOUBLE ? (Object) 0.0 : 0L;
  }

  static VelariaException unsupported(String what) {
    return new VelariaException(SqlStates.NOT_SUPPORTED_YET,
        "expression not supported yet: " + what);
  }
}
