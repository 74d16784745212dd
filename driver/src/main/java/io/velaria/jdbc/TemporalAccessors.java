package io.velaria.jdbc;

import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * DATE (days since 1970-01-01), TIME (milliseconds of the day) and TIMESTAMP (milliseconds
 * since the epoch, UTC, no zone), all in a {@code long[]}. Values are wall-clock values:
 * they become java.time locals directly, and java.sql types in the JVM's (or the given
 * calendar's) zone, as JDBC prescribes for types without a time zone.
 */
final class TemporalAccessors {
  private TemporalAccessors() {}

  private static long raw(ColumnAccessor a) {
    return ((LongColumn) a.column()).values()[a.row()];
  }

  /** Formats a time as HH:MM:SS, with .mmm only when there are milliseconds. */
  static String formatTime(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int ms = t.getNano() / 1_000_000;
    return ms == 0 ? s : s + String.format(".%03d", ms);
  }

  static LocalDateTime fromEpochMillis(long ms) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000L),
        (int) Math.floorMod(ms, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  static final class DateAccessor extends ColumnAccessor {
    DateAccessor(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected LocalDate dateValue() {
      return LocalDate.ofEpochDay(raw(this));
    }

    @Override
    protected LocalDateTime timestampValue() {
      return dateValue().atStartOfDay();
    }

    @Override
    protected String stringValue() {
      return dateValue().toString();
    }

    @Override
    protected Object objectValue() throws SQLException {
      return getDate(null);
    }
  }

  static final class TimeAccessor extends ColumnAccessor {
    TimeAccessor(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected LocalTime timeValue() {
      return LocalTime.ofNanoOfDay(Math.floorMod(raw(this), 86_400_000L) * 1_000_000L);
    }

    @Override
    protected LocalDateTime timestampValue() {
      return LocalDate.EPOCH.atTime(timeValue());
    }

    @Override
    protected String stringValue() {
      return formatTime(timeValue());
    }

    @Override
    protected Object objectValue() throws SQLException {
      return getTime(null);
    }
  }

  static final class TimestampAccessor extends ColumnAccessor {
    TimestampAccessor(BatchCursor cursor, int index, DataType type) {
      super(cursor, index, type);
    }

    @Override
    protected LocalDateTime timestampValue() {
      return fromEpochMillis(raw(this));
    }

    @Override
    protected LocalDate dateValue() {
      return timestampValue().toLocalDate();
    }

    @Override
    protected LocalTime timeValue() {
      return timestampValue().toLocalTime();
    }

    @Override
    protected String stringValue() {
      LocalDateTime t = timestampValue();
      return t.toLocalDate() + " " + formatTime(t.toLocalTime());
    }

    @Override
    protected Object objectValue() throws SQLException {
      return getTimestamp(null);
    }
  }
}
