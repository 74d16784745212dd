package io.velaria.engine.spi.search;

import java.util.Optional;

/** Finds a persistent vector index for a search; see the package documentation. */
public interface VectorIndexProvider {
  /**
   * An index over the single column in {@code target.columns()} able to answer
   * {@code metric}, or empty to let the engine scan exactly.
   */
  Optional<VectorIndex> find(SearchTarget target, VectorMetric metric);
}
