package io.velaria.functions.lib;

import io.velaria.engine.error.VelariaException;
import io.velaria.functions.Errors;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Per-row bodies of the numeric functions. Overflow raises SQLState 22003. */
public final class Maths {
  public static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Maths() {}

  /** Round half away from zero to an integer. */
  public static double round(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double f = Math.floor(x);
    double diff = x - f;
    if (diff > 0.5 || diff == 0.5 && x > 0) {
      return f + 1;
    }
    if (diff == 0.5) {
      return f;
    }
    return f;
  }

  public static double round(double x, long digits, RoundingMode mode) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    int d = (int) Math.max(-400, Math.min(400, digits));
    return BigDecimal.valueOf(x).setScale(d, mode).doubleValue();
  }

  public static double trunc(double x) {
    return x < 0 ? Math.ceil(x) : Math.floor(x);
  }

  /**
   * Rounds (or truncates) an unscaled value of scale {@code scale} to {@code digits} decimal
   * digits, keeping the scale.
   */
  public static long roundUnscaled(long v, int scale, long digits, boolean truncate) {
    if (digits >= scale) {
      return v;
    }
    long drop = scale - digits;
    if (drop > 18) {
      return 0;
    }
    long p = POW10[(int) drop];
    long q = v / p;
    if (!truncate) {
      long r = v % p;
      if (Math.abs(r) * 2 >= p) {
        q += v < 0 ? -1 : 1;
      }
    }
    return Math.multiplyExact(q, p);
  }

  public static double checked(String fn, double x, double r) {
    if (Double.isInfinite(r) && !Double.isInfinite(x)) {
      throw Errors.outOfRange(fn);
    }
    return r;
  }

  public static double sqrt(double x) {
    if (x < 0) {
      throw new VelariaException("2201F", "SQRT: cannot take square root of a negative number");
    }
    return Math.sqrt(x);
  }

  public static double ln(double x) {
    checkLog(x, "LN");
    return Math.log(x);
  }

  public static double log10(double x) {
    checkLog(x, "LOG10");
    return Math.log10(x);
  }

  private static void checkLog(double x, String fn) {
    if (x == 0) {
      throw new VelariaException("2201E", fn + ": cannot take logarithm of zero");
    }
    if (x < 0) {
      throw new VelariaException("2201E", fn + ": cannot take logarithm of a negative number");
    }
  }

  public static double exp(double x) {
    return checked("EXP", x, Math.exp(x));
  }

  public static double power(double x, double y) {
    if (x < 0 && y != Math.rint(y)) {
      throw new VelariaException("2201F",
          "POWER: a negative number raised to a non-integer power yields a complex result");
    }
    if (x == 0 && y < 0) {
      throw new VelariaException("2201F", "POWER: zero raised to a negative power is undefined");
    }
    double r = Math.pow(x, y);
    if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
      throw Errors.outOfRange("POWER");
    }
    return r;
  }
}
