package io.velaria.engine.spi.search;

import java.util.function.IntPredicate;

/** A persistent (e.g. HNSW) vector index over one VECTOR column of a table. */
public interface VectorIndex {
  /** One line for EXPLAIN, e.g. {@code hnsw index docs_vec (m=16, ef_construction=100)}. */
  String explain();

  /**
   * The (approximately) best {@code topK} rows for {@code query} under {@code metric}, best
   * first, scores in the metric's own units (see {@link VectorMetric}); rows with a NULL
   * vector never appear; only ordinals {@code accept} allows (all if null). The engine applies
   * SCORE_THRESHOLD afterwards.
   */
  ScoredRows search(float[] query, VectorMetric metric, int topK, IntPredicate accept);
}
