package io.velaria.engine.exec.expr;

import io.velaria.engine.type.DataType;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * A source of scalar function implementations (the functions module is one), found through
 * {@link ServiceLoader}. Returns null for calls it does not implement.
 */
public interface FunctionProvider {
  Evaluator compile(String upperName, RexCall call, List<Evaluator> args, DataType resultType);

  /**
   * Operators this provider adds to the SQL validator, or null. The query planner asks every
   * provider once, when it is first used.
   */
  default SqlOperatorTable operatorTable() {
    return null;
  }

  /** True if {@code e} is a literal or a parameter: the same value for every row. */
  static boolean isConstant(Evaluator e) {
    return e instanceof ConstantEvaluator;
  }

  /** The value of a constant evaluator in the internal representation (null for NULL). */
  static Object constantValue(Evaluator e) {
    return ((ConstantEvaluator) e).value();
  }

  /** An evaluator that yields {@code value} (internal representation, or null) for every row. */
  static Evaluator constant(DataType type, Object value) {
    return new ConstantEvaluator(type, value);
  }

  static List<FunctionProvider> providers() {
    return Holder.PROVIDERS;
  }

  /** Loaded once per JVM. */
  final class Holder {
    static final List<FunctionProvider> PROVIDERS;

    static {
      java.util.ArrayList<FunctionProvider> list = new java.util.ArrayList<>();
      for (FunctionProvider p : ServiceLoader.load(FunctionProvider.class,
          FunctionProvider.class.getClassLoader())) {
        list.add(p);
      }
      PROVIDERS = List.copyOf(list);
    }

    private Holder() {}
  }
}
