package io.velaria.engine.exec.agg;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Scale arithmetic on unscaled DECIMAL longs, for aggregate results. */
final class Decimals {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Decimals() {}

  static long pow10(int n) {
    return POW10[n];
  }

  static double pow10Double(int n) {
    return n < POW10.length ? POW10[n] : Math.pow(10, n);
  }

  /**
   * Changes the scale of an unscaled value; scaling down rounds half up (away from zero), as
   * DECIMAL casts do. Overflow is error 22003.
   */
  static long rescale(long v, int from, int to, String what) {
    if (to == from) {
      return v;
    }
    if (to > from) {
      try {
        return Math.multiplyExact(v, POW10[to - from]);
      } catch (ArithmeticException e) {
        throw overflow(what);
      }
    }
    return divideHalfUp(v, POW10[from - to]);
  }

  /** {@code num / den} rounded half away from zero; {@code den > 0}. */
  static long divideHalfUp(long num, long den) {
    long q = num / den;
    long r = num % den;
    // |r| >= den - |r| means at least half way; written this way it cannot overflow.
    if (Math.abs(r) >= den - Math.abs(r)) {
      q += num < 0 ? -1 : 1;
    }
    return q;
  }

  /** An exact value {@code hi * 2^64 + lo} (lo unsigned wrap of a signed sum) as BigInteger. */
  static BigInteger wide(long hi, long lo) {
    return BigInteger.valueOf(hi).shiftLeft(64).add(BigInteger.valueOf(lo));
  }

  /** Converts an exact decimal to an unscaled long of scale {@code scale}, or error 22003. */
  static long toUnscaled(BigDecimal v, int scale, RoundingMode mode, String what) {
    BigInteger u = v.setScale(scale, mode).unscaledValue();
    if (u.bitLength() > 63) {
      throw overflow(what);
    }
    return u.longValue();
  }

  static VelariaException overflow(String what) {
    return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE,
        "numeric value out of range: " + what + " overflow");
  }
}
