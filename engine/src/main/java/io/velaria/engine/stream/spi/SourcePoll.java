package io.velaria.engine.stream.spi;

import io.velaria.engine.column.Batch;
import java.util.List;

/**
 * What one {@link StreamSource#poll} returned.
 *
 * @param batches the rows, with the source's columns; may be empty when a unit held no rows
 * @param nextOffset the offset after these rows, to pass to the next poll (stored in the
 *     checkpoint); equal to the polled offset when nothing was read
 * @param position where the source stands, for people: file and row, page cursor
 * @param units how many units (files, pages) were consumed; 0 means nothing new
 * @param skippedRows rows dropped as malformed under {@code on_error: 'skip'}
 */
public record SourcePoll(List<Batch> batches, String nextOffset, String position, int units,
    long skippedRows) {
  public SourcePoll {
    batches = List.copyOf(batches);
  }

  /** Nothing new after {@code offset}. */
  public static SourcePoll empty(String offset, String position) {
    return new SourcePoll(List.of(), offset, position, 0, 0);
  }

  public long rowCount() {
    long n = 0;
    for (Batch b : batches) {
      n += b.rowCount();
    }
    return n;
  }
}
