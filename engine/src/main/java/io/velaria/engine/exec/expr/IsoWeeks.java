package io.velaria.engine.exec.expr;

import io.velaria.engine.util.DateTimes;

/** ISO-8601 week numbers and week-based years of day numbers. */
public final class IsoWeeks {
  private IsoWeeks() {}

  /** ISO day of week, Monday = 1 .. Sunday = 7. */
  public static int dayOfWeek(long days) {
    return (int) Math.floorMod(days + 3, 7) + 1;
  }

  /** The ISO week-based year: the year of the Thursday of the date's week. */
  public static int year(long days) {
    long thursday = days - dayOfWeek(days) + 4;
    return DateTimes.year(thursday);
  }

  /** ISO week number 1..53. */
  public static int week(long days) {
    long thursday = days - dayOfWeek(days) + 4;
    int y = DateTimes.year(thursday);
    long jan1 = DateTimes.daysFromCivil(y, 1, 1);
    return (int) ((thursday - jan1) / 7) + 1;
  }
}
