package io.velaria.engine.storage;

import io.velaria.engine.column.Batch;
import java.util.List;

/**
 * The committed rows of one managed table. Readers take a {@link #snapshot()} and are never
 * disturbed by later writes; writers replace the snapshot atomically.
 */
public interface TableData {
  /** The committed batches, oldest first. The list and batches are immutable. */
  List<Batch> snapshot();

  long rowCount();

  /**
   * Appends rows atomically. In a persistent database the rows are durable when this returns,
   * and a crash before that leaves none of them.
   */
  void append(List<Batch> batches);

  /** Replaces all rows atomically (DELETE, UPDATE). Same durability as {@link #append}. */
  void replaceAll(List<Batch> batches);

  /** A number that changes whenever the data changes (indexes use it to detect staleness). */
  long version();
}
