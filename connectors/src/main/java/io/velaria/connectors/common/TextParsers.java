package io.velaria.connectors.common;

import java.nio.charset.StandardCharsets;

/**
 * Parsers for text values held as a byte range of an ASCII-compatible encoding. They never
 * allocate on the common path and never throw for bad input: they report failure through
 * their return value, so a reader can decide between an error and NULL (lenient mode)
 * without paying for exceptions. Callers trim surrounding blanks first.
 */
public final class TextParsers {
  private TextParsers() {}

  /** Result codes of the parsers that can fail in two ways. */
  public static final int OK = 0;
  public static final int INVALID = 1;
  public static final int OUT_OF_RANGE = 2;

  private static final double[] POW10 = new double[23];
  private static final long[] LPOW10 = new long[19];

  static {
    double d = 1;
    for (int i = 0; i < POW10.length; i++, d *= 10) {
      POW10[i] = d;
    }
    long l = 1;
    for (int i = 0; i < LPOW10.length; i++, l *= 10) {
      LPOW10[i] = l;
    }
  }

  /** Parses a base-10 integer with optional sign into {@code out[i]}. */
  public static int parseLong(byte[] b, int s, int e, long[] out, int i) {
    if (s >= e) {
      return INVALID;
    }
    boolean neg = false;
    byte c = b[s];
    if (c == '-' || c == '+') {
      neg = c == '-';
      if (++s >= e) {
        return INVALID;
      }
    }
    if (e - s <= 18) {
      // Up to 18 digits cannot overflow: the common case needs no overflow checks.
      long r = 0;
      for (; s < e; s++) {
        int d = b[s] - '0';
        if (d < 0 || d > 9) {
          return INVALID;
        }
        r = r * 10 + d;
      }
      out[i] = neg ? -r : r;
      return OK;
    }
    // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
    long limit = neg ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multmin = limit / 10;
    long r = 0;
    boolean overflow = false;
    for (; s < e; s++) {
      int d = b[s] - '0';
      if (d < 0 || d > 9) {
        return INVALID;
      }
      if (r < multmin || r * 10 < limit + d) {
        overflow = true;
        continue;
      }
      r = r * 10 - d;
    }
    if (overflow) {
      return OUT_OF_RANGE;
    }
    out[i] = neg ? r : -r;
    return OK;
  }

  /**
   * Parses a decimal number (digits, optional fraction and exponent; also NaN and
   * Infinity/Inf when {@code allowSpecial}). Simple decimals of at most 15 significant digits
   * take an exact fast path; the rest go to {@link Double#parseDouble}.
   */
  public static boolean parseDouble(byte[] b, int s, int e, double[] out, int i,
      boolean allowSpecial) {
    int p = s;
    boolean neg = false;
    if (p < e && (b[p] == '-' || b[p] == '+')) {
      neg = b[p] == '-';
      p++;
    }
    long m = 0;
    int digits = 0;
    int frac = 0;
    boolean dot = false;
    boolean any = false;
    for (; p < e; p++) {
      int c = b[p];
      if (c >= '0' && c <= '9') {
        any = true;
        if (m != 0 || c != '0') {
          digits++;
        }
        if (digits <= 18) {
          m = m * 10 + (c - '0');
        }
        if (dot) {
          frac++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (p == e && any && digits <= 15 && frac < POW10.length) {
      // Both operands are exact doubles, so one division rounds correctly.
      double v = frac == 0 ? (double) m : m / POW10[frac];
      out[i] = neg ? -v : v;
      return true;
    }
    return parseDoubleSlow(b, s, e, out, i, allowSpecial);
  }

  private static boolean parseDoubleSlow(byte[] b, int s, int e, double[] out, int i,
      boolean allowSpecial) {
    if (s >= e) {
      return false;
    }
    boolean plain = true;
    for (int p = s; p < e; p++) {
      byte c = b[p];
      if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-'
          || c == '+')) {
        plain = false;
        break;
      }
    }
    if (!plain) {
      if (!allowSpecial) {
        return false;
      }
      int p = s;
      double sign = 1;
      if (b[p] == '-' || b[p] == '+') {
        sign = b[p] == '-' ? -1 : 1;
        p++;
      }
      if (equalsIgnoreCase(b, p, e, "nan")) {
        out[i] = Double.NaN;
        return true;
      }
      if (equalsIgnoreCase(b, p, e, "inf") || equalsIgnoreCase(b, p, e, "infinity")) {
        out[i] = sign * Double.POSITIVE_INFINITY;
        return true;
      }
      return false;
    }
    try {
      // Only reached for exponents and long mantissas; the text is known to be plain ASCII.
      out[i] = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
      return true;
    } catch (NumberFormatException ex) {
      return false;
    }
  }

  /**
   * Parses an exact decimal to the unscaled long of DECIMAL(precision, scale). More fraction
   * digits than {@code scale} round half up (away from zero); more integer digits than
   * {@code precision - scale} are {@link #OUT_OF_RANGE}.
   */
  public static int parseDecimal(byte[] b, int s, int e, int precision, int scale,
      long[] out, int i) {
    int p = s;
    boolean neg = false;
    if (p < e && (b[p] == '-' || b[p] == '+')) {
      neg = b[p] == '-';
      p++;
    }
    long v = 0;
    int intDigits = 0;
    boolean any = false;
    for (; p < e && b[p] >= '0' && b[p] <= '9'; p++) {
      any = true;
      if (v == 0 && b[p] == '0') {
        continue;
      }
      if (++intDigits > precision - scale) {
        return validDigits(b, p, e) ? OUT_OF_RANGE : INVALID;
      }
      v = v * 10 + (b[p] - '0');
    }
    int fracDigits = 0;
    boolean roundUp = false;
    if (p < e && b[p] == '.') {
      p++;
      for (; p < e && b[p] >= '0' && b[p] <= '9'; p++) {
        any = true;
        if (fracDigits < scale) {
          v = v * 10 + (b[p] - '0');
        } else if (fracDigits == scale) {
          roundUp = b[p] >= '5';
        }
        fracDigits++;
      }
    }
    if (p != e || !any) {
      return INVALID;
    }
    if (fracDigits < scale) {
      v *= LPOW10[scale - fracDigits];
    }
    if (roundUp) {
      v++;
      if (v >= LPOW10[precision]) {
        return OUT_OF_RANGE;
      }
    }
    out[i] = neg ? -v : v;
    return OK;
  }

  private static boolean validDigits(byte[] b, int p, int e) {
    boolean dot = false;
    for (; p < e; p++) {
      if (b[p] == '.' && !dot) {
        dot = true;
      } else if (b[p] < '0' || b[p] > '9') {
        return false;
      }
    }
    return true;
  }

  /** true/false/t/f/1/0/yes/no/y/n in any case; -1 if none of them. */
  public static int parseBoolean(byte[] b, int s, int e) {
    int n = e - s;
    if (n == 1) {
      int c = b[s] | 0x20;
      if (c == 't' || c == 'y' || b[s] == '1') {
        return 1;
      }
      if (c == 'f' || c == 'n' || b[s] == '0') {
        return 0;
      }
      return -1;
    }
    if (equalsIgnoreCase(b, s, e, "true") || equalsIgnoreCase(b, s, e, "yes")) {
      return 1;
    }
    if (equalsIgnoreCase(b, s, e, "false") || equalsIgnoreCase(b, s, e, "no")) {
      return 0;
    }
    return -1;
  }

  /** Parses {@code YYYY-MM-DD} (month and day may have one digit) to days since 1970-01-01. */
  public static boolean parseDate(byte[] b, int s, int e, long[] out, int i) {
    long d = date(b, s, e);
    if (d == Long.MIN_VALUE) {
      return false;
    }
    out[i] = d;
    return true;
  }

  private static long date(byte[] b, int s, int e) {
    int p = s;
    int y = 0;
    int n = 0;
    for (; p < e && b[p] >= '0' && b[p] <= '9' && n < 4; p++, n++) {
      y = y * 10 + (b[p] - '0');
    }
    if (n != 4 || p >= e || b[p] != '-') {
      return Long.MIN_VALUE;
    }
    int m = 0;
    n = 0;
    for (p++; p < e && b[p] >= '0' && b[p] <= '9' && n < 2; p++, n++) {
      m = m * 10 + (b[p] - '0');
    }
    if (n == 0 || p >= e || b[p] != '-') {
      return Long.MIN_VALUE;
    }
    int d = 0;
    n = 0;
    for (p++; p < e && b[p] >= '0' && b[p] <= '9' && n < 2; p++, n++) {
      d = d * 10 + (b[p] - '0');
    }
    if (n == 0 || p != e || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
      return Long.MIN_VALUE;
    }
    return daysFromCivil(y, m, d);
  }

  static int daysInMonth(int y, int m) {
    switch (m) {
      case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  public static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Parses {@code HH:MM[:SS[.fff...]]} to milliseconds of the day (fraction truncated). */
  public static boolean parseTime(byte[] b, int s, int e, long[] out, int i) {
    long t = time(b, s, e);
    if (t < 0) {
      return false;
    }
    out[i] = t;
    return true;
  }

  private static long time(byte[] b, int s, int e) {
    if (e - s < 5 || !digit2(b, s) || b[s + 2] != ':' || !digit2(b, s + 3)) {
      return -1;
    }
    int h = num2(b, s);
    int mi = num2(b, s + 3);
    int sec = 0;
    int ms = 0;
    int p = s + 5;
    if (p < e) {
      if (e - p < 3 || b[p] != ':' || !digit2(b, p + 1)) {
        return -1;
      }
      sec = num2(b, p + 1);
      p += 3;
      if (p < e) {
        if (b[p] != '.' || p + 1 == e) {
          return -1;
        }
        int scale = 100;
        for (p++; p < e; p++) {
          int d = b[p] - '0';
          if (d < 0 || d > 9) {
            return -1;
          }
          ms += d * scale;
          scale /= 10;
        }
      }
    }
    if (h > 23 || mi > 59 || sec > 59) {
      return -1;
    }
    return ((h * 60L + mi) * 60 + sec) * 1000 + ms;
  }

  /**
   * Parses {@code YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]][Z|+HH[:MM]|-HH[:MM]]} to epoch milliseconds
   * UTC; an offset converts to UTC.
   */
  public static boolean parseTimestamp(byte[] b, int s, int e, long[] out, int i) {
    int sep = s;
    while (sep < e && b[sep] != ' ' && b[sep] != 'T') {
      sep++;
    }
    long days = date(b, s, sep);
    if (days == Long.MIN_VALUE) {
      return false;
    }
    long ms = 0;
    if (sep < e) {
      int te = e;
      long offsetMs = 0;
      if (b[te - 1] == 'Z' || b[te - 1] == 'z') {
        te--;
      } else {
        int z = te - 1;
        while (z > sep + 1 && b[z] != '+' && b[z] != '-') {
          z--;
        }
        if (b[z] == '+' || b[z] == '-') {
          long off = offset(b, z + 1, te);
          if (off < 0) {
            return false;
          }
          offsetMs = b[z] == '+' ? off : -off;
          te = z;
        }
      }
      ms = time(b, sep + 1, te);
      if (ms < 0) {
        return false;
      }
      ms -= offsetMs;
    }
    out[i] = days * 86_400_000L + ms;
    return true;
  }

  private static long offset(byte[] b, int s, int e) {
    int n = e - s;
    if (n == 2 && digit2(b, s)) {
      return num2(b, s) * 3_600_000L;
    }
    if (n == 4 && digit2(b, s) && digit2(b, s + 2)) {
      return num2(b, s) * 3_600_000L + num2(b, s + 2) * 60_000L;
    }
    if (n == 5 && digit2(b, s) && b[s + 2] == ':' && digit2(b, s + 3)) {
      return num2(b, s) * 3_600_000L + num2(b, s + 3) * 60_000L;
    }
    return -1;
  }

  private static boolean digit2(byte[] b, int p) {
    return b[p] >= '0' && b[p] <= '9' && b[p + 1] >= '0' && b[p + 1] <= '9';
  }

  private static int num2(byte[] b, int p) {
    return (b[p] - '0') * 10 + (b[p + 1] - '0');
  }

  /** Parses hex digits, optionally prefixed by {@code \x} or {@code 0x}; null if invalid. */
  public static byte[] parseHex(byte[] b, int s, int e) {
    if (e - s >= 2 && (b[s] == '\\' || b[s] == '0') && (b[s + 1] == 'x' || b[s + 1] == 'X')) {
      s += 2;
    }
    if (((e - s) & 1) != 0) {
      return null;
    }
    byte[] out = new byte[(e - s) / 2];
    for (int k = 0; s < e; s += 2, k++) {
      int hi = Character.digit(b[s], 16);
      int lo = Character.digit(b[s + 1], 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[k] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /**
   * Parses a bracketed list of numbers separated by commas and/or blanks, e.g. {@code [1 2 3]}
   * or {@code [1,2,3]}, writing at most {@code max} floats into {@code out} from {@code off}
   * ({@code out} may be null to only count). Returns the element count (which may exceed
   * {@code max}; nothing past {@code max} is written) or -1 if the text is not such a list.
   */
  public static int parseVector(byte[] b, int s, int e, float[] out, int off, int max,
      double[] scratch) {
    if (e - s < 2 || b[s] != '[' || b[e - 1] != ']') {
      return -1;
    }
    int p = s + 1;
    int end = e - 1;
    int n = 0;
    while (true) {
      while (p < end && (b[p] == ' ' || b[p] == '\t')) {
        p++;
      }
      if (p >= end) {
        return n == 0 || b[end - 1] != ',' ? n : -1;
      }
      int q = p;
      while (q < end && b[q] != ',' && b[q] != ' ' && b[q] != '\t') {
        q++;
      }
      if (q == p || !parseDouble(b, p, q, scratch, 0, true)) {
        return -1;
      }
      if (out != null && n < max) {
        out[off + n] = (float) scratch[0];
      }
      n++;
      while (q < end && (b[q] == ' ' || b[q] == '\t')) {
        q++;
      }
      if (q < end && b[q] == ',') {
        q++;
        while (q < end && (b[q] == ' ' || b[q] == '\t')) {
          q++;
        }
        if (q >= end) {
          return -1;
        }
      }
      p = q;
    }
  }

  /** ASCII case-insensitive comparison of a byte range with a lower-case ASCII word. */
  public static boolean equalsIgnoreCase(byte[] b, int s, int e, String lower) {
    if (e - s != lower.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      int c = b[s + k];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** First index in [s,e) that is not a blank (space or tab). */
  public static int trimStart(byte[] b, int s, int e) {
    while (s < e && (b[s] == ' ' || b[s] == '\t')) {
      s++;
    }
    return s;
  }

  /** One past the last index in [s,e) that is not a blank (space or tab). */
  public static int trimEnd(byte[] b, int s, int e) {
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return e;
  }
}
