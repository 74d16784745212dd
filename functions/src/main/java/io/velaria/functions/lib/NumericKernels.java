package io.velaria.functions.lib;

import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;
import io.velaria.functions.Binding;
import io.velaria.functions.Kernel;
import java.math.RoundingMode;

/** Binders for the type-dependent numeric functions (the result keeps the argument's type). */
public final class NumericKernels {
  private NumericKernels() {}

  private static boolean isDouble(Binding b) {
    return b.argType(0).physical() == PhysicalKind.DOUBLE;
  }

  private static int scale(Binding b) {
    DataType t = b.argType(0);
    return t.kind() == TypeKind.DECIMAL ? t.scale() : 0;
  }

  public static Kernel abs(Binding b) {
    return isDouble(b) ? Kernel.doubles(Math::abs) : Kernel.longs(Math::absExact);
  }

  public static Kernel sign(Binding b) {
    if (isDouble(b)) {
      return Kernel.doubles(Math::signum);
    }
    long one = Maths.POW10[scale(b)];
    return Kernel.longs(x -> Long.signum(x) * one);
  }

  /** CEIL/FLOOR of a number; FLOOR/CEIL(ts TO unit) of a date. */
  public static Kernel ceilFloor(Binding b) {
    boolean ceil = !b.name().equals("FLOOR");
    if (b.argCount() == 2) {
      Dates.Unit unit = Dates.Unit.parse(String.valueOf(b.constant(1)));
      Kernel k = ceil ? Kernel.longs(ms -> Dates.ceil(unit, ms))
          : Kernel.longs(ms -> Dates.truncate(unit, ms));
      return b.argType(0).kind() == TypeKind.DATE
          ? Kernel.longs(ceil ? (ms -> Dates.days(Dates.ceil(unit, ms)))
              : (ms -> Dates.days(Dates.truncate(unit, ms)))).returning(DataType.DATE)
          : k.returning(DataType.TIMESTAMP);
    }
    if (isDouble(b)) {
      return ceil ? Kernel.doubles(Math::ceil) : Kernel.doubles(Math::floor);
    }
    int s = scale(b);
    if (s == 0) {
      return Kernel.longs(x -> x);
    }
    long p = Maths.POW10[s];
    DataType t = b.argType(0);
    return (ceil ? Kernel.longs(x -> -Math.floorDiv(-x, p) * p)
        : Kernel.longs(x -> Math.floorDiv(x, p) * p)).returning(t);
  }

  /** ROUND (half away from zero) or TRUNC, with optional digits. */
  public static Kernel round(Binding b, boolean truncate) {
    RoundingMode mode = truncate ? RoundingMode.DOWN : RoundingMode.HALF_UP;
    if (isDouble(b)) {
      if (b.argCount() == 1) {
        return truncate ? Kernel.doubles(Maths::trunc) : Kernel.doubles(Maths::round);
      }
      return Kernel.row((in, row, out) ->
          out.setDouble(row, Maths.round(in.f64(0, row), in.i64(1, row), mode)));
    }
    int s = scale(b);
    if (b.argCount() == 1) {
      return Kernel.longs(x -> Maths.roundUnscaled(x, s, 0, truncate));
    }
    return Kernel.row((in, row, out) ->
        out.setLong(row, Maths.roundUnscaled(in.i64(0, row), s, in.i64(1, row), truncate)));
  }
}
