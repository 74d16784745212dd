package io.velaria.functions;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;

/**
 * A function body bound to a batch loop: one of the {@link Shapes}. Made by the {@code Fn}
 * helpers ({@code longs}, {@code strings}, {@code row}, ...) or by a {@link Shapes.Binder} for
 * type-dependent functions.
 */
public abstract class Kernel {
  /** Result type when it differs from the signature's (set by binders), else null. */
  DataType type;

  /** The result type of this kernel (for type-dependent functions). */
  public Kernel returning(DataType t) {
    this.type = t;
    return this;
  }

  /** Runs over a batch: {@code nulls} is the strict NULL mask of the arguments (or null). */
  abstract Column run(In in, boolean[] nulls, int n, DataType type);

  /** Argument index whose constant value is the whole result, for {@link #constant}. */
  Object constantValue() {
    return null;
  }

  boolean isConstant() {
    return false;
  }

  public static Kernel longs(Shapes.LongUnary f) {
    Runners.LongUnaryRunner r = Specializer.loop(LongUnaryLoop.class,
        Runners.LongUnaryRunner.class, f);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        long[] out = new long[n];
        r.run(f, in.longs[0], out, nulls, n);
        return new LongColumn(type, n, out, nulls);
      }
    };
  }

  public static Kernel longs(Shapes.LongBinary f) {
    Runners.LongBinaryRunner r = Specializer.loop(LongBinaryLoop.class,
        Runners.LongBinaryRunner.class, f);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        long[] out = new long[n];
        r.run(f, in.longs[0], in.longs[1], out, nulls, n);
        return new LongColumn(type, n, out, nulls);
      }
    };
  }

  public static Kernel doubles(Shapes.DoubleUnary f) {
    Runners.DoubleUnaryRunner r = Specializer.loop(DoubleUnaryLoop.class,
        Runners.DoubleUnaryRunner.class, f);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        double[] out = new double[n];
        r.run(f, in.doubles[0], out, nulls, n);
        return new DoubleColumn(type, n, out, nulls);
      }
    };
  }

  public static Kernel doubles(Shapes.DoubleBinary f) {
    Runners.DoubleBinaryRunner r = Specializer.loop(DoubleBinaryLoop.class,
        Runners.DoubleBinaryRunner.class, f);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        double[] out = new double[n];
        r.run(f, in.doubles[0], in.doubles[1], out, nulls, n);
        return new DoubleColumn(type, n, out, nulls);
      }
    };
  }

  public static Kernel strings(Shapes.StringUnary f) {
    return strings(f, null);
  }

  /**
   * {@code String -> String} with an optional ASCII variant: when every string of a batch is
   * ASCII (one scan of the batch), the ASCII variant runs instead.
   */
  public static Kernel strings(Shapes.StringUnary f, Shapes.StringUnary ascii) {
    Runners.StringUnaryRunner r = Specializer.loop(StringUnaryLoop.class,
        Runners.StringUnaryRunner.class, f);
    Runners.StringUnaryRunner ra = ascii == null ? null
        : Specializer.loop(StringUnaryLoop.class, Runners.StringUnaryRunner.class, ascii);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        String[] a = in.strings[0];
        String[] out = new String[n];
        boolean[] rn = ascii != null && Ascii.all(a, nulls, n)
            ? ra.run(ascii, a, out, nulls, n) : r.run(f, a, out, nulls, n);
        return new StringColumn(type, n, out, rn);
      }
    };
  }

  /** {@code String -> long} with an optional ASCII variant, as {@link #strings}. */
  public static Kernel stringToLong(Shapes.StringToLong f, Shapes.StringToLong ascii) {
    Runners.StringToLongRunner r = Specializer.loop(StringToLongLoop.class,
        Runners.StringToLongRunner.class, f);
    Runners.StringToLongRunner ra = ascii == null ? null
        : Specializer.loop(StringToLongLoop.class, Runners.StringToLongRunner.class, ascii);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        String[] a = in.strings[0];
        long[] out = new long[n];
        if (ascii != null && Ascii.all(a, nulls, n)) {
          ra.run(ascii, a, out, nulls, n);
        } else {
          r.run(f, a, out, nulls, n);
        }
        return new LongColumn(type, n, out, nulls);
      }
    };
  }

  /** {@code String -> boolean}, written straight into the result's boolean array. */
  public static Kernel stringPredicate(Shapes.StringPredicate f) {
    Runners.StringPredicateRunner r = Specializer.loop(StringPredicateLoop.class,
        Runners.StringPredicateRunner.class, f);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        boolean[] out = new boolean[n];
        r.run(f, in.strings[0], out, nulls, n);
        return new BooleanColumn(type, n, out, nulls);
      }
    };
  }

  /** Any arity and types, through typed accessors. */
  public static Kernel row(Shapes.RowFunction f) {
    Runners.RowRunner r = Specializer.loop(RowLoop.class, Runners.RowRunner.class, f);
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        Out out = new Out(type, n, nulls);
        r.run(f, in, out, nulls, n);
        return out.build(type);
      }
    };
  }

  /** The same value for every row (internal representation, or null). */
  public static Kernel constant(Object value) {
    return new Kernel() {
      @Override
      Column run(In in, boolean[] nulls, int n, DataType type) {
        return io.velaria.engine.column.Columns.constant(type, value, n);
      }

      @Override
      Object constantValue() {
        return value;
      }

      @Override
      boolean isConstant() {
        return true;
      }
    };
  }
}
