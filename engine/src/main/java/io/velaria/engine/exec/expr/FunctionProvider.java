package io.velaria.engine.exec.expr;

import io.velaria.engine.type.DataType;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.calcite.rex.RexCall;

/**
 * A source of scalar function implementations (the functions module is one), found through
 * {@link ServiceLoader}. Returns null for calls it does not implement.
 */
public interface FunctionProvider {
  Evaluator compile(String upperName, RexCall call, List<Evaluator> args, DataType resultType);

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
