package io.velaria.engine.util;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;

/**
 * Date and time arithmetic on the engine's representations (DATE = days since 1970-01-01,
 * TIME = ms of day, TIMESTAMP = ms since the epoch, all UTC) without allocating per value.
 */
public final class DateTimes {
  public static final long MS_PER_DAY = 86_400_000L;

  private DateTimes() {}

  /** Days since epoch of a proleptic Gregorian date (Howard Hinnant's algorithm). */
  public static long daysFromCivil(long y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Year of a day number. */
  public static int year(long days) {
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
  }

  /** Month (1-12) of a day number. */
  public static int month(long days) {
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    return (int) (mp < 10 ? mp + 3 : mp - 9);
  }

  /** Day of month (1-31) of a day number. */
  public static int dayOfMonth(long days) {
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    return (int) (doy - (153 * mp + 2) / 5 + 1);
  }

  /** Adds months, clamping the day to the end of the target month (as SQL does). */
  public static long addMonths(long days, long months) {
    int y = year(days);
    int m = month(days);
    int d = dayOfMonth(days);
    long total = (long) y * 12 + (m - 1) + months;
    long ny = Math.floorDiv(total, 12);
    int nm = (int) Math.floorMod(total, 12) + 1;
    int last = lengthOfMonth(ny, nm);
    return daysFromCivil(ny, nm, Math.min(d, last));
  }

  public static int lengthOfMonth(long year, int month) {
    switch (month) {
      case 2: return isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  public static boolean isLeap(long y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  public static long daysOfMillis(long ms) {
    return Math.floorDiv(ms, MS_PER_DAY);
  }

  /** Formats a day number as YYYY-MM-DD. */
  public static String formatDate(long days) {
    int y = year(days);
    StringBuilder sb = new StringBuilder(10);
    if (y < 0 || y > 9999) {
      sb.append(y);
    } else {
      pad(sb, y, 4);
    }
    sb.append('-');
    pad(sb, month(days), 2);
    sb.append('-');
    pad(sb, dayOfMonth(days), 2);
    return sb.toString();
  }

  /** Formats ms of day as HH:MM:SS[.fff]. */
  public static String formatTime(long msOfDay) {
    StringBuilder sb = new StringBuilder(12);
    appendTime(sb, msOfDay);
    return sb.toString();
  }

  /** Formats epoch ms as YYYY-MM-DD HH:MM:SS[.fff]. */
  public static String formatTimestamp(long ms) {
    long days = Math.floorDiv(ms, MS_PER_DAY);
    StringBuilder sb = new StringBuilder(formatDate(days)).append(' ');
    appendTime(sb, Math.floorMod(ms, MS_PER_DAY));
    return sb.toString();
  }

  private static void appendTime(StringBuilder sb, long msOfDay) {
    long s = msOfDay / 1000;
    pad(sb, (int) (s / 3600), 2);
    sb.append(':');
    pad(sb, (int) (s / 60 % 60), 2);
    sb.append(':');
    pad(sb, (int) (s % 60), 2);
    int frac = (int) (msOfDay % 1000);
    if (frac != 0) {
      sb.append('.');
      pad(sb, frac, 3);
    }
  }

  private static void pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  /** Parses YYYY-MM-DD (also a leading part of a timestamp string). */
  public static long parseDate(String s) {
    String t = s.trim();
    int[] p = parseDateParts(t, s, "DATE");
    return daysFromCivil(p[0], p[1], p[2]);
  }

  private static int[] parseDateParts(String t, String original, String typeName) {
    int firstDash = t.indexOf('-', 1);
    if (firstDash < 0 || t.length() < firstDash + 6) {
      throw bad(original, typeName);
    }
    try {
      int y = Integer.parseInt(t.substring(0, firstDash));
      int m = Integer.parseInt(t.substring(firstDash + 1, firstDash + 3));
      if (t.charAt(firstDash + 3) != '-') {
        throw bad(original, typeName);
      }
      int dEnd = firstDash + 4;
      while (dEnd < t.length() && Character.isDigit(t.charAt(dEnd))) {
        dEnd++;
      }
      int d = Integer.parseInt(t.substring(firstDash + 4, dEnd));
      if (m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
        throw bad(original, typeName);
      }
      return new int[] {y, m, d, dEnd};
    } catch (NumberFormatException e) {
      throw bad(original, typeName);
    }
  }

  /** Parses HH:MM[:SS[.fff]] to ms of day. */
  public static long parseTime(String s) {
    String t = s.trim();
    long v = parseTimeOfDay(t, 0, s, "TIME");
    return v;
  }

  /** Parses YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]] to epoch ms. */
  public static long parseTimestamp(String s) {
    String t = s.trim();
    int[] p = parseDateParts(t, s, "TIMESTAMP");
    long days = daysFromCivil(p[0], p[1], p[2]);
    int pos = p[3];
    if (pos >= t.length()) {
      return days * MS_PER_DAY;
    }
    char sep = t.charAt(pos);
    if (sep != ' ' && sep != 'T') {
      throw bad(s, "TIMESTAMP");
    }
    String time = t.substring(pos + 1);
    if (time.endsWith("Z")) {
      time = time.substring(0, time.length() - 1);
    }
    return days * MS_PER_DAY + parseTimeOfDay(time, 0, s, "TIMESTAMP");
  }

  private static long parseTimeOfDay(String t, int from, String original, String typeName) {
    try {
      String[] parts = t.substring(from).split(":");
      if (parts.length < 2 || parts.length > 3) {
        throw bad(original, typeName);
      }
      int h = Integer.parseInt(parts[0]);
      int m = Integer.parseInt(parts[1]);
      double sec = parts.length == 3 ? Double.parseDouble(parts[2]) : 0;
      if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec >= 60) {
        throw bad(original, typeName);
      }
      return h * 3_600_000L + m * 60_000L + Math.round(sec * 1000);
    } catch (NumberFormatException e) {
      throw bad(original, typeName);
    }
  }

  private static VelariaException bad(String s, String typeName) {
    return new VelariaException(SqlStates.INVALID_DATETIME,
        "invalid " + typeName + " value '" + s + "'");
  }
}
