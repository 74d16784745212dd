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

  /**
   * Appends rows and records, in the same atomic commit, that stream {@code streamKey} has
   * committed its micro-batch {@code commitId} into this table; records the commit even without
   * rows. This makes a stream sink's output and its checkpoint one commit: after a crash,
   * {@link #streamCommit} tells whether the micro-batch's rows are in. {@code streamKey} is made
   * of letters, digits, '_', '-' and '.'.
   */
  default void appendForStream(List<Batch> batches, String streamKey, long commitId) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " cannot record stream commits");
  }

  /** The last micro-batch recorded for {@code streamKey} by appendForStream, or -1. */
  default long streamCommit(String streamKey) {
    return -1;
  }

  /** A number that changes whenever the data changes (indexes use it to detect staleness). */
  long version();
}
