package io.velaria.functions;

/** ASCII checks for the string fast paths. */
public final class Ascii {
  private Ascii() {}

  /** True if every non-NULL string among the first {@code n} is 7-bit ASCII. */
  public static boolean all(String[] a, boolean[] nulls, int n) {
    for (int i = 0; i < n; i++) {
      if ((nulls == null || !nulls[i]) && !is(a[i])) {
        return false;
      }
    }
    return true;
  }

  public static boolean is(String s) {
    for (int i = 0, len = s.length(); i < len; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
