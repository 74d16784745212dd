package io.velaria.engine.exec.search;

import io.velaria.engine.column.Batch;

/**
 * The rows a search reads, addressed by ordinal (0-based position in input order). When an
 * index answers, the runner only fetches the rows it returns ({@link #select}); the transient
 * ranking and the exact scan need them all in one batch ({@link #all}), which is built only
 * when asked for.
 */
public interface CandidateRows {
  int rowCount();

  /** Every row in one batch. */
  Batch all();

  /**
   * The rows as the batches they came in (ordinals run on from one batch to the next), so a
   * scan over every row need not copy them into one batch first.
   */
  default java.util.List<Batch> batches() {
    return java.util.List.of(all());
  }

  /** The rows with these ordinals, in the order given (no duplicates). */
  Batch select(int[] ordinals);
}
