package io.velaria.functions;

import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.FunctionProvider;
import io.velaria.engine.type.DataType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperatorTable;

/** Plugs the registry into the engine (ServiceLoader: META-INF/services). */
public final class VelariaFunctionProvider implements FunctionProvider {
  @Override
  public Evaluator compile(String upperName, RexCall call, List<Evaluator> args,
      DataType resultType) {
    Fn fn = FunctionRegistry.lookup(upperName);
    if (fn == null || fn.binder == null) {
      return null;
    }
    return FunctionEvaluator.compile(fn, upperName, args, resultType);
  }

  @Override
  public SqlOperatorTable operatorTable() {
    return FunctionRegistry.operatorTable();
  }
}
