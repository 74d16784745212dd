package io.velaria.engine.exec.expr;

import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import io.velaria.engine.util.DateTimes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;

/**
 * The scalar functions the engine evaluates itself (string, math and date basics). Function
 * libraries plug in more through {@link FunctionProvider}s, tried first.
 */
final class BuiltinFunctions {
  private BuiltinFunctions() {}

  static Evaluator compile(RexCall call, List<Evaluator> args, DataType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    for (FunctionProvider p : FunctionProvider.providers()) {
      Evaluator e = p.compile(name, call, args, type);
      if (e != null) {
        return e;
      }
    }
    DataType a0 = args.isEmpty() ? null : args.get(0).type();
    switch (name) {
      case "||":
      case "CONCAT":
        return row(name, args, type, true, v -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < v.length; i++) {
            sb.append(CastEvaluator.toText(v[i], args.get(i).type()));
          }
          return sb.toString();
        });
      case "UPPER":
        return row(name, args, type, true, v -> ((String) v[0]).toUpperCase(Locale.ROOT));
      case "LOWER":
        return row(name, args, type, true, v -> ((String) v[0]).toLowerCase(Locale.ROOT));
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return row(name, args, type, true,
            v -> (long) ((String) v[0]).codePointCount(0, ((String) v[0]).length()));
      case "SUBSTRING":
        return row(name, args, type, true, v -> substring((String) v[0],
            ((Number) v[1]).longValue(), v.length > 2 ? ((Number) v[2]).longValue() : -1));
      case "TRIM": {
        String flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(String.class);
        List<Evaluator> rest = args.subList(1, args.size());
        return row(name, rest, type, true, v -> trim(flag, (String) v[0], (String) v[1]));
      }
      case "POSITION":
        return row(name, args, type, true, v -> {
          String sub = (String) v[0];
          String s = (String) v[1];
          int from = v.length > 2 ? (int) ((Number) v[2]).longValue() - 1 : 0;
          return (long) (s.indexOf(sub, Math.max(0, from)) + 1);
        });
      case "REPLACE":
        return row(name, args, type, true,
            v -> ((String) v[0]).replace((String) v[1], (String) v[2]));
      case "ABS":
        return row(name, args, type, true, v -> {
          if (v[0] instanceof Double) {
            return Math.abs((Double) v[0]);
          }
          long x = (Long) v[0];
          if (x == Long.MIN_VALUE) {
            throw NumericViews.overflow();
          }
          return Math.abs(x);
        });
      case "CEIL":
      case "CEILING":
      case "FLOOR": {
        boolean ceil = !name.equals("FLOOR");
        return row(name, args, type, true, v -> {
          if (v[0] instanceof Double) {
            return ceil ? Math.ceil((Double) v[0]) : Math.floor((Double) v[0]);
          }
          BigDecimal d = decimal(v[0], a0).setScale(0, ceil ? RoundingMode.CEILING
              : RoundingMode.FLOOR);
          return unscaled(d, type);
        });
      }
      case "ROUND":
      case "TRUNCATE":
      case "TRUNC": {
        RoundingMode mode = name.equals("ROUND") ? RoundingMode.HALF_UP : RoundingMode.DOWN;
        return row(name, args, type, true, v -> {
          int digits = v.length > 1 ? (int) ((Number) v[1]).longValue() : 0;
          if (v[0] instanceof Double) {
            double x = (Double) v[0];
            if (Double.isNaN(x) || Double.isInfinite(x)) {
              return x;
            }
            return BigDecimal.valueOf(x).setScale(digits, mode).doubleValue();
          }
          return unscaled(decimal(v[0], a0).setScale(digits, mode), type);
        });
      }
      case "POWER":
        return row(name, args, type, true, v -> Math.pow(dbl(v[0], a0), dbl(v[1],
            args.get(1).type())));
      case "SQRT":
        return row(name, args, type, true, v -> Math.sqrt(dbl(v[0], a0)));
      case "EXP":
        return row(name, args, type, true, v -> Math.exp(dbl(v[0], a0)));
      case "LN":
        return row(name, args, type, true, v -> Math.log(dbl(v[0], a0)));
      case "LOG10":
        return row(name, args, type, true, v -> Math.log10(dbl(v[0], a0)));
      case "SIGN":
        return row(name, args, type, true, v -> {
          if (v[0] instanceof Double) {
            return Math.signum((Double) v[0]);
          }
          long s = Long.signum((Long) v[0]);
          return type.kind() == TypeKind.DECIMAL
              ? s * NumericViews.POW10[type.scale()] : s;
        });
      case "CURRENT_DATE":
        return new ConstantEvaluator(type,
            Math.floorDiv(System.currentTimeMillis(), DateTimes.MS_PER_DAY));
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
      case "NOW":
        return new ConstantEvaluator(type, System.currentTimeMillis());
      case "CURRENT_TIME":
      case "LOCALTIME":
        return new ConstantEvaluator(type,
            Math.floorMod(System.currentTimeMillis(), DateTimes.MS_PER_DAY));
      default:
        throw ExprCompiler.unsupported("function " + call.getOperator().getName());
    }
  }

  private static Evaluator row(String name, List<Evaluator> args, DataType type, boolean strict,
      RowFunctionEvaluator.RowFunction f) {
    return new RowFunctionEvaluator(name, args, f, strict, type);
  }

  static BigDecimal decimal(Object v, DataType t) {
    if (t != null && t.kind() == TypeKind.DECIMAL) {
      return BigDecimal.valueOf((Long) v, t.scale());
    }
    return InternalValues.toBigDecimal(v);
  }

  static Object unscaled(BigDecimal d, DataType type) {
    if (type.kind() == TypeKind.DECIMAL) {
      return InternalValues.toUnscaled(d, type);
    }
    if (type.kind().isIntegral()) {
      return d.setScale(0, RoundingMode.DOWN).longValueExact();
    }
    return d.doubleValue();
  }

  static double dbl(Object v, DataType t) {
    return CastEvaluator.toDouble(v, t);
  }

  /** SQL SUBSTRING: 1-based start, which may be before the string; negative length is error. */
  static String substring(String s, long start, long length) {
    int cps = s.codePointCount(0, s.length());
    long from = start - 1;
    long to = length < 0 ? cps : from + length;
    from = Math.max(0, from);
    to = Math.min(cps, to);
    if (to <= from) {
      return "";
    }
    int b = s.offsetByCodePoints(0, (int) from);
    int e = s.offsetByCodePoints(b, (int) (to - from));
    return s.substring(b, e);
  }

  static String trim(String flag, String chars, String s) {
    int b = 0;
    int e = s.length();
    boolean leading = !"TRAILING".equalsIgnoreCase(flag);
    boolean trailing = !"LEADING".equalsIgnoreCase(flag);
    if (leading) {
      while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
        b++;
      }
    }
    if (trailing) {
      while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
        e--;
      }
    }
    return s.substring(b, e);
  }
}
