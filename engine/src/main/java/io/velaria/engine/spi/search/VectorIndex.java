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

  /**
   * {@link #search} with this query's {@code EF_SEARCH}: the candidates an approximate index
   * looks at ({@code efSearch} null: its own setting). Indexes without such a knob ignore it.
   */
  default ScoredRows search(float[] query, VectorMetric metric, int topK, Integer efSearch,
      IntPredicate accept) {
    return search(query, metric, topK, accept);
  }

  /**
   * True when {@link #search} returns candidates rather than the answer: possibly more rows
   * than {@code topK} (an HNSW index's ef_search), with approximate scores. The engine then
   * reads those rows from the table, scores them with its exact formula (so
   * {@code vector_score} equals the exact scan's), orders them by (score, row) and keeps the
   * best {@code topK}. False (the default): the answer and its scores are used as given.
   */
  default boolean engineReranks() {
    return false;
  }
}
