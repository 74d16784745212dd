package io.velaria.functions;

/**
 * The per-row shapes a function is written in. Each is a primitive-typed lambda: the adapter
 * runs it over whole columns (no boxing), skipping NULL rows for strict functions.
 */
public final class Shapes {
  private Shapes() {}

  /** {@code long -> long}: integers, dates (epoch ms for {@link Arg#DATETIME}). */
  @FunctionalInterface
  public interface LongUnary {
    long apply(long a);
  }

  @FunctionalInterface
  public interface LongBinary {
    long apply(long a, long b);
  }

  @FunctionalInterface
  public interface DoubleUnary {
    double apply(double a);
  }

  @FunctionalInterface
  public interface DoubleBinary {
    double apply(double a, double b);
  }

  /** {@code String -> String}; returning null makes the row NULL. */
  @FunctionalInterface
  public interface StringUnary {
    String apply(String s);
  }

  @FunctionalInterface
  public interface StringToLong {
    long apply(String s);
  }

  /**
   * {@code String -> boolean}. Also the shape for a call whose other arguments are constants
   * bound into the lambda (REGEXP_LIKE with a literal pattern): the JIT inlines the body into
   * the loop only within a limited call depth, so a body that goes deep (a regex matcher walks
   * a chain of nodes) should be reached in as few calls as possible.
   */
  @FunctionalInterface
  public interface StringPredicate {
    boolean test(String s);
  }

  /**
   * Any arity and types: reads typed arguments of one row from {@code in} and writes the result
   * of that row into {@code out}. No boxing: {@code in.i64(0, row)}, {@code in.str(1, row)},
   * {@code out.setString(row, ...)}.
   */
  @FunctionalInterface
  public interface RowFunction {
    void apply(In in, int row, Out out);
  }

  /**
   * Pre-processes a string argument (a regular expression, a format, a unit, a JSON path).
   * Done once per query when the argument is a literal or parameter; otherwise once per
   * distinct consecutive value.
   */
  @FunctionalInterface
  public interface Preparer {
    Object prepare(String text);
  }

  /** Picks an implementation from the argument types of a call (type-dependent functions). */
  @FunctionalInterface
  public interface Binder {
    Kernel bind(Binding call);
  }
}
