package io.velaria.functions;

/**
 * The batch loops behind each shape. Every function gets its own copy of the loop class (see
 * {@link Specializer}) so the JIT sees one lambda per call site and inlines it.
 */
final class Runners {
  private Runners() {}

  interface LongUnaryRunner {
    void run(Shapes.LongUnary f, long[] a, long[] out, boolean[] nulls, int n);
  }

  interface LongBinaryRunner {
    void run(Shapes.LongBinary f, long[] a, long[] b, long[] out, boolean[] nulls, int n);
  }

  interface DoubleUnaryRunner {
    void run(Shapes.DoubleUnary f, double[] a, double[] out, boolean[] nulls, int n);
  }

  interface DoubleBinaryRunner {
    void run(Shapes.DoubleBinary f, double[] a, double[] b, double[] out, boolean[] nulls, int n);
  }

  interface StringUnaryRunner {
    /** Returns the result null mask: {@code nulls}, or a new one if the function gave NULLs. */
    boolean[] run(Shapes.StringUnary f, String[] a, String[] out, boolean[] nulls, int n);
  }

  interface StringToLongRunner {
    void run(Shapes.StringToLong f, String[] a, long[] out, boolean[] nulls, int n);
  }

  interface StringPredicateRunner {
    void run(Shapes.StringPredicate f, String[] a, boolean[] out, boolean[] nulls, int n);
  }

  interface RowRunner {
    void run(Shapes.RowFunction f, In in, Out out, boolean[] nulls, int n);
  }
}
