package io.velaria.engine.stream;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.util.DateTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code WINDOW BY ts EVERY e SLIDE s AS w}: copies each row once per window containing it and
 * adds column {@code w}, the window start as UTC text {@code YYYY-MM-DDTHH:MM:SS}. Window starts
 * are multiples of the slide; the row at time t belongs to the windows starting at
 * floor(t/s)*s, floor(t/s)*s - s, ... while start + e > t. Rows with a NULL time belong to no
 * window and are dropped.
 */
final class WindowAssigner {
  private final int timeColumn;
  private final long every;
  private final long slide;
  /**
   * Recently formatted window starts, by slide number modulo the size: rows arrive roughly in
   * time order, so nearly every row finds its windows' text here instead of formatting it.
   */
  private final long[] cachedStart = new long[64];
  private final String[] cachedText = new String[64];

  WindowAssigner(int timeColumn, long every, long slide) {
    this.timeColumn = timeColumn;
    this.every = every;
    this.slide = slide;
  }

  List<Batch> assign(List<Batch> batches) {
    List<Batch> out = new ArrayList<>(batches.size());
    for (Batch b : batches) {
      out.add(assign(b));
    }
    return out;
  }

  /** The time column is integral (epoch milliseconds) or TIMESTAMP, both longs inside. */
  Batch assign(Batch b) {
    LongColumn time = (LongColumn) b.column(timeColumn);
    int perRow = (int) ((every + slide - 1) / slide);
    int[] positions = new int[b.rowCount() * perRow];
    String[] starts = new String[positions.length];
    int n = 0;
    for (int r = 0; r < b.rowCount(); r++) {
      if (time.isNull(r)) {
        continue;
      }
      long t = time.get(r);
      for (long start = Math.floorDiv(t, slide) * slide; start + every > t; start -= slide) {
        positions[n] = r;
        starts[n] = text(start);
        n++;
      }
    }
    Batch rows = b.select(positions, n);
    Column[] cols = new Column[rows.columnCount() + 1];
    System.arraycopy(rows.columns(), 0, cols, 0, rows.columnCount());
    cols[cols.length - 1] = new StringColumn(DataType.VARCHAR, n,
        java.util.Arrays.copyOf(starts, n), null);
    return new Batch(cols, n);
  }

  private String text(long start) {
    int i = (int) Math.floorMod(Math.floorDiv(start, slide), (long) cachedText.length);
    String t = cachedText[i];
    if (t == null || cachedStart[i] != start) {
      t = format(start);
      cachedText[i] = t;
      cachedStart[i] = start;
    }
    return t;
  }

  static String format(long ms) {
    long days = Math.floorDiv(ms, DateTimes.MS_PER_DAY);
    long s = Math.floorMod(ms, DateTimes.MS_PER_DAY) / 1000;
    return String.format("%sT%02d:%02d:%02d", DateTimes.formatDate(days), s / 3600, s / 60 % 60,
        s % 60);
  }
}
