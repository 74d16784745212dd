package io.velaria.functions.lib;

import io.velaria.functions.Errors;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Per-row bodies of the string functions. Positions and lengths count characters (code points). */
public final class Strings {
  private static final int MAX_RESULT = 64 * 1024 * 1024;

  private Strings() {}

  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** ASCII-only input: flips a-z without Unicode case tables. */
  public static String upperAscii(String s) {
    int len = s.length();
    int i = 0;
    while (i < len) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        break;
      }
      i++;
    }
    if (i == len) {
      return s;
    }
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    for (; i < len; i++) {
      byte c = b[i];
      if (c >= 'a' && c <= 'z') {
        b[i] = (byte) (c - 32);
      }
    }
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  public static String lowerAscii(String s) {
    int len = s.length();
    int i = 0;
    while (i < len) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        break;
      }
      i++;
    }
    if (i == len) {
      return s;
    }
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    for (; i < len; i++) {
      byte c = b[i];
      if (c >= 'A' && c <= 'Z') {
        b[i] = (byte) (c + 32);
      }
    }
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** Characters (code points), not UTF-16 units. */
  public static long length(String s) {
    return s.codePointCount(0, s.length());
  }

  public static long lengthAscii(String s) {
    return s.length();
  }

  public static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  /** First letter of each word upper case, the rest lower (words: runs of letters/digits). */
  public static String initcap(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean prevAlnum = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(prevAlnum ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
      prevAlnum = Character.isLetterOrDigit(cp);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** SQL SUBSTRING: 1-based start (may be before the string), optional length. */
  public static String substr(String s, long start, long length) {
    if (length < 0) {
      throw new io.velaria.engine.error.VelariaException("22011",
          "SUBSTR: negative substring length not allowed");
    }
    long from = start - 1;
    long to = length > Long.MAX_VALUE - Math.max(from, 0) ? Long.MAX_VALUE : from + length;
    return slice(s, from, to);
  }

  public static String substr(String s, long start) {
    return slice(s, start - 1, Long.MAX_VALUE);
  }

  /** Code points [from, to), clamped. Fast path: no surrogates before the end. */
  static String slice(String s, long from, long to) {
    if (from < 0) {
      from = 0;
    }
    int n = s.length();
    if (to <= from || from >= n) {
      return "";
    }
    int end = (int) Math.min(to, n);
    for (int i = 0; i < end; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return sliceCodePoints(s, from, to);
      }
    }
    return s.substring((int) from, end);
  }

  private static String sliceCodePoints(String s, long from, long to) {
    int cps = s.codePointCount(0, s.length());
    if (from >= cps) {
      return "";
    }
    int f = (int) from;
    int t = (int) Math.min(to, cps);
    int b = s.offsetByCodePoints(0, f);
    return s.substring(b, s.offsetByCodePoints(b, t - f));
  }

  /** First n characters; negative n: all but the last |n|. */
  public static String left(String s, long n) {
    if (n >= 0) {
      return slice(s, 0, n);
    }
    long cps = length(s);
    return slice(s, 0, cps + n);
  }

  /** Last n characters; negative n: all but the first |n|. */
  public static String right(String s, long n) {
    long cps = length(s);
    if (n >= 0) {
      return slice(s, Math.max(0, cps - n), cps);
    }
    return slice(s, -n, cps);
  }

  /** 1-based character position of {@code sub} in {@code s} from {@code start}; 0 if absent. */
  public static long position(String sub, String s, long start) {
    if (start < 1) {
      start = 1;
    }
    int cps = -1;
    int fromChar;
    if (start == 1) {
      fromChar = 0;
    } else {
      cps = s.codePointCount(0, s.length());
      if (start - 1 > cps) {
        return 0;
      }
      fromChar = s.offsetByCodePoints(0, (int) (start - 1));
    }
    int idx = s.indexOf(sub, fromChar);
    return idx < 0 ? 0 : s.codePointCount(0, idx) + 1;
  }

  public static String replace(String s, String from, String to) {
    return from.isEmpty() ? s : s.replace(from, to);
  }

  public static String trim(String mode, String chars, String s) {
    boolean leading = !"TRAILING".equalsIgnoreCase(mode);
    boolean trailing = !"LEADING".equalsIgnoreCase(mode);
    int b = 0;
    int e = s.length();
    if (leading) {
      while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
        b++;
      }
    }
    if (trailing) {
      while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
        e--;
      }
    }
    return s.substring(b, e);
  }

  public static String pad(String s, long len, String fill, boolean left) {
    if (len <= 0) {
      return "";
    }
    if (len > MAX_RESULT) {
      throw Errors.invalidArgument(left ? "LPAD" : "RPAD", "requested length too large");
    }
    long cps = length(s);
    if (cps >= len) {
      return slice(s, 0, len);
    }
    if (fill.isEmpty()) {
      return s;
    }
    StringBuilder pad = new StringBuilder();
    long need = len - cps;
    int i = 0;
    while (need > 0) {
      int cp = fill.codePointAt(i);
      pad.appendCodePoint(cp);
      i += Character.charCount(cp);
      if (i >= fill.length()) {
        i = 0;
      }
      need--;
    }
    return left ? pad.append(s).toString() : s + pad;
  }

  /** Field {@code n} (1-based; negative counts from the end) of {@code s} split on {@code d}. */
  public static String splitPart(String s, String d, long n) {
    if (n == 0) {
      throw Errors.invalidArgument("SPLIT_PART", "field position must not be zero");
    }
    if (d.isEmpty()) {
      return n == 1 || n == -1 ? s : "";
    }
    if (n > 0) {
      int start = 0;
      for (long k = 1; k < n; k++) {
        int i = s.indexOf(d, start);
        if (i < 0) {
          return "";
        }
        start = i + d.length();
      }
      int end = s.indexOf(d, start);
      return end < 0 ? s.substring(start) : s.substring(start, end);
    }
    java.util.ArrayList<Integer> cuts = new java.util.ArrayList<>();
    for (int i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + d.length())) {
      cuts.add(i);
    }
    long index = cuts.size() + 1 + n;
    if (index < 0) {
      return "";
    }
    int k = (int) index;
    int from = k == 0 ? 0 : cuts.get(k - 1) + d.length();
    int to = k == cuts.size() ? s.length() : cuts.get(k);
    return s.substring(from, to);
  }

  public static void checkLength(StringBuilder sb, String fn) {
    if (sb.length() > MAX_RESULT) {
      throw Errors.invalidArgument(fn, "result too long");
    }
  }

  public static String repeat(String s, long n) {
    if (n <= 0 || s.isEmpty()) {
      return "";
    }
    if (n * s.length() > MAX_RESULT) {
      throw Errors.invalidArgument("REPEAT", "result too long");
    }
    return s.repeat((int) n);
  }
}
