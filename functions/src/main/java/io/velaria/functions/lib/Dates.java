package io.velaria.functions.lib;

import io.velaria.engine.exec.expr.IsoWeeks;
import io.velaria.engine.util.DateTimes;
import io.velaria.functions.Errors;
import java.util.Locale;

/**
 * Per-row bodies of the date functions. Arguments arrive as epoch milliseconds (UTC): the
 * adapter converts DATE, TIMESTAMP, epoch-ms integers and date strings in bulk.
 */
public final class Dates {
  public static final long DAY = DateTimes.MS_PER_DAY;

  private Dates() {}

  public static long days(long ms) {
    return Math.floorDiv(ms, DAY);
  }

  public static long year(long ms) {
    return DateTimes.year(Math.floorDiv(ms, DAY));
  }

  public static long month(long ms) {
    return DateTimes.month(Math.floorDiv(ms, DAY));
  }

  public static long day(long ms) {
    return DateTimes.dayOfMonth(Math.floorDiv(ms, DAY));
  }

  public static long quarter(long ms) {
    return (month(ms) + 2) / 3;
  }

  public static long hour(long ms) {
    return Math.floorMod(ms, DAY) / 3_600_000L;
  }

  public static long minute(long ms) {
    return Math.floorMod(ms, 3_600_000L) / 60_000L;
  }

  public static long second(long ms) {
    return Math.floorMod(ms, 60_000L) / 1000;
  }

  /** 1 = Sunday .. 7 = Saturday (ODBC, MySQL). */
  public static long dayOfWeek(long ms) {
    return Math.floorMod(days(ms) + 4, 7) + 1;
  }

  /** 1 = Monday .. 7 = Sunday. */
  public static long isoDayOfWeek(long ms) {
    return IsoWeeks.dayOfWeek(days(ms));
  }

  public static long dayOfYear(long ms) {
    long d = days(ms);
    return d - DateTimes.daysFromCivil(DateTimes.year(d), 1, 1) + 1;
  }

  public static long isoYear(long ms) {
    return IsoWeeks.year(days(ms));
  }

  public static long isoWeek(long ms) {
    return IsoWeeks.week(days(ms));
  }

  public static long yearWeek(long ms) {
    long d = days(ms);
    return IsoWeeks.year(d) * 100L + IsoWeeks.week(d);
  }

  public static long unixTimestamp(long ms) {
    return Math.floorDiv(ms, 1000);
  }

  public static long dateDiff(long a, long b) {
    return days(a) - days(b);
  }

  /** Truncation units for DATE_TRUNC and FLOOR/CEIL(... TO unit). */
  public enum Unit {
    MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY,
    MILLENNIUM;

    public static Unit parse(String text) {
      String t = text.trim().toUpperCase(Locale.ROOT);
      if (t.endsWith("S") && !t.equals("MILLISECONDS") || t.equals("MILLISECONDS")) {
        t = t.substring(0, t.length() - 1);
      }
      if (t.equals("MILLENNIA")) {
        t = "MILLENNIUM";
      }
      if (t.equals("CENTURIE")) {
        t = "CENTURY";
      }
      try {
        return Unit.valueOf(t);
      } catch (IllegalArgumentException e) {
        throw Errors.invalidArgument("DATE_TRUNC", "unit '" + text + "' not recognized"
            + " (expected millisecond, second, minute, hour, day, week, month, quarter, year,"
            + " decade, century or millennium)");
      }
    }
  }

  public static long truncate(Unit u, long ms) {
    switch (u) {
      case MILLISECOND: return ms;
      case SECOND: return ms - Math.floorMod(ms, 1000L);
      case MINUTE: return ms - Math.floorMod(ms, 60_000L);
      case HOUR: return ms - Math.floorMod(ms, 3_600_000L);
      case DAY: return days(ms) * DAY;
      case WEEK: {
        long d = days(ms);
        return (d - IsoWeeks.dayOfWeek(d) + 1) * DAY;
      }
      default: break;
    }
    long d = days(ms);
    int y = DateTimes.year(d);
    switch (u) {
      case MONTH: return DateTimes.daysFromCivil(y, DateTimes.month(d), 1) * DAY;
      case QUARTER:
        return DateTimes.daysFromCivil(y, (DateTimes.month(d) - 1) / 3 * 3 + 1, 1) * DAY;
      case YEAR: return DateTimes.daysFromCivil(y, 1, 1) * DAY;
      case DECADE: return DateTimes.daysFromCivil(y - Math.floorMod(y, 10), 1, 1) * DAY;
      case CENTURY: {
        long c = y > 0 ? (y - 1) / 100 * 100 + 1 : -((-y) / 100 * 100) - 99;
        return DateTimes.daysFromCivil(c, 1, 1) * DAY;
      }
      default: {
        long m = y > 0 ? (y - 1) / 1000 * 1000 + 1 : -((-y) / 1000 * 1000) - 999;
        return DateTimes.daysFromCivil(m, 1, 1) * DAY;
      }
    }
  }

  /** Smallest unit boundary at or after {@code ms}. */
  public static long ceil(Unit u, long ms) {
    long t = truncate(u, ms);
    if (t == ms) {
      return ms;
    }
    switch (u) {
      case MONTH: return DateTimes.addMonths(days(t), 1) * DAY;
      case QUARTER: return DateTimes.addMonths(days(t), 3) * DAY;
      case YEAR: return DateTimes.addMonths(days(t), 12) * DAY;
      case DECADE: return DateTimes.addMonths(days(t), 120) * DAY;
      case CENTURY: return DateTimes.addMonths(days(t), 1200) * DAY;
      case MILLENNIUM: return DateTimes.addMonths(days(t), 12000) * DAY;
      case WEEK: return t + 7 * DAY;
      case DAY: return t + DAY;
      case HOUR: return t + 3_600_000L;
      case MINUTE: return t + 60_000L;
      default: return t + 1000L;
    }
  }
}
