package io.velaria.functions;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.Columns;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.FunctionProvider;
import io.velaria.engine.exec.expr.ValueText;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The adapter: evaluates the argument columns of a batch, converts them to the declared
 * representations, computes the strict NULL mask in bulk and hands whole arrays to the
 * function's specialized loop. Calls whose arguments are all constant are computed once.
 */
public final class FunctionEvaluator implements Evaluator {
  private static final Batch ONE_ROW = new Batch(new Column[0], 1);

  private final String name;
  private final Evaluator[] args;
  private final Arg[] kinds;
  private final Kernel kernel;
  private final DataType type;
  private final boolean strict;
  private final boolean fold;
  private final Object[] constPrepared;
  private final Shapes.Preparer[] preparers;
  private final String[] lastKey;
  private final Object[] lastPrepared;
  private boolean folded;
  private Object foldedValue;
  private Column foldedColumn;

  private FunctionEvaluator(String name, Fn fn, Sig sig, List<Evaluator> args, Kernel kernel,
      DataType type) {
    this.name = name;
    this.args = args.toArray(new Evaluator[0]);
    this.kinds = new Arg[args.size()];
    this.kernel = kernel;
    this.type = type;
    this.strict = fn.strict;
    boolean allConstant = !args.isEmpty();
    int k = args.size();
    this.constPrepared = new Object[k];
    this.preparers = new Shapes.Preparer[k];
    this.lastKey = new String[k];
    this.lastPrepared = new Object[k];
    for (int i = 0; i < k; i++) {
      kinds[i] = sig.arg(i);
      Evaluator e = args.get(i);
      boolean constant = FunctionProvider.isConstant(e);
      allConstant &= constant;
      Shapes.Preparer p = fn.preparers.get(i);
      if (p != null) {
        preparers[i] = p;
        if (constant) {
          Object v = FunctionProvider.constantValue(e);
          if (v != null) {
            constPrepared[i] = prepare(p, v instanceof String ? (String) v
                : ValueText.format(v, e.type()));
          }
        }
      }
    }
    this.fold = fn.deterministic && allConstant;
  }

  /** Compiles a call of {@code fn}; the engine passes the validator's result type. */
  public static Evaluator compile(Fn fn, String calledName, List<Evaluator> args,
      DataType resultType) {
    List<DataType> types = new ArrayList<>(args.size());
    for (Evaluator e : args) {
      types.add(e.type());
    }
    Sig sig = fn.match(types);
    if (sig == null) {
      throw signatureError(fn, calledName, types);
    }
    Kernel kernel = fn.binder.bind(new Binding(calledName, args, resultType));
    DataType type = kernel.type != null ? kernel.type : Fn.resultType(sig.result, types);
    if (kernel.isConstant()) {
      return FunctionProvider.constant(type, kernel.constantValue());
    }
    return new FunctionEvaluator(calledName, fn, sig, args, kernel, type);
  }

  static VelariaException signatureError(Fn fn, String calledName, List<DataType> types) {
    List<String> given = new ArrayList<>();
    for (DataType t : types) {
      given.add(t == null ? "?" : t.sqlName());
    }
    return new VelariaException(SqlStates.DATATYPE_MISMATCH, "Cannot apply " + calledName
        + " to (" + String.join(", ", given) + "); expected " + fn.expected(calledName));
  }

  private static Object prepare(Shapes.Preparer p, String text) {
    try {
      return p.prepare(text);
    } catch (PatternSyntaxException e) {
      throw Errors.invalidRegex(text, e.getDescription());
    }
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    int n = input.rowCount();
    if (fold) {
      if (!folded) {
        foldedValue = compute(ONE_ROW).getObject(0);
        folded = true;
      }
      Column c = foldedColumn;
      if (c == null || c.size() != n) {
        c = Columns.constant(type, foldedValue, n);
        foldedColumn = c;
      }
      return c;
    }
    return compute(input);
  }

  private Column compute(Batch input) {
    int n = input.rowCount();
    In in = new In(args.length, constPrepared, preparers, lastKey, lastPrepared);
    for (int a = 0; a < args.length; a++) {
      Convert.load(in, a, args[a].evaluate(input), kinds[a], n, name);
    }
    boolean[] nulls = strict ? Convert.orNulls(in, n) : null;
    try {
      return kernel.run(in, nulls, n, type);
    } catch (ArithmeticException e) {
      throw Errors.outOfRange(name);
    } catch (PatternSyntaxException e) {
      throw Errors.invalidRegex(e.getPattern(), e.getDescription());
    } catch (VelariaException e) {
      throw e;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw Errors.invalidArgument(name, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return name + java.util.Arrays.toString(args);
  }
}
