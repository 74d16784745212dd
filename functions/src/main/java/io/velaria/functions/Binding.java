package io.velaria.functions;

import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.FunctionProvider;
import io.velaria.engine.type.DataType;
import java.util.List;

/** What a {@link Shapes.Binder} knows about a call when it picks an implementation. */
public final class Binding {
  private final String name;
  private final List<Evaluator> args;
  private final DataType resultType;

  Binding(String name, List<Evaluator> args, DataType resultType) {
    this.name = name;
    this.args = args;
    this.resultType = resultType;
  }

  /** The name the function was called by, upper case. */
  public String name() {
    return name;
  }

  public int argCount() {
    return args.size();
  }

  public DataType argType(int i) {
    return args.get(i).type();
  }

  public boolean isConstant(int i) {
    return FunctionProvider.isConstant(args.get(i));
  }

  /** The constant's value in the internal representation (null for NULL). */
  public Object constant(int i) {
    return FunctionProvider.constantValue(args.get(i));
  }

  /** The result type the SQL validator derived for the call. */
  public DataType resultType() {
    return resultType;
  }
}
