package io.velaria.engine.exec.expr;

import io.velaria.engine.type.DataType;
import io.velaria.engine.util.DateTimes;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;

/**
 * Scalar function calls: the function library ({@code velaria-functions}, a
 * {@link FunctionProvider} found through ServiceLoader) implements them. The engine keeps only
 * what it needs without the library: string concatenation and the current date and time (for
 * column defaults).
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
    switch (name) {
      case "||":
        return new RowFunctionEvaluator(name, args, v -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < v.length; i++) {
            sb.append(CastEvaluator.toText(v[i], args.get(i).type()));
          }
          return sb.toString();
        }, true, type);
      case "CURRENT_DATE":
        return new ConstantEvaluator(type,
            Math.floorDiv(System.currentTimeMillis(), DateTimes.MS_PER_DAY));
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
        return new ConstantEvaluator(type, System.currentTimeMillis());
      case "CURRENT_TIME":
      case "LOCALTIME":
        return new ConstantEvaluator(type,
            Math.floorMod(System.currentTimeMillis(), DateTimes.MS_PER_DAY));
      default:
        throw ExprCompiler.unsupported("function " + call.getOperator().getName()
            + " (scalar functions come from the velaria-functions module; is it on the class"
            + " path?)");
    }
  }
}
