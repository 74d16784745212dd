package io.velaria.search.index;

import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorIndexProvider;
import io.velaria.engine.spi.search.VectorMetric;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Offers the HNSW indexes of {@link IndexRegistry} to vector searches: an index answers a
 * search on its column with the metric it was built for (other metrics scan exactly). With a
 * WHERE clause the accepted rows become Lucene's kNN filter: the graph search only collects
 * accepted rows, and Lucene switches to an exact pass over the accepted rows when they are
 * few (fewer than the candidates wanted, or when the graph walk visits more nodes than there
 * are accepted rows), so a selective filter still returns TOP_K rows when that many exist.
 */
public final class VectorIndexes implements VectorIndexProvider {
  @Override
  public Optional<VectorIndex> find(SearchTarget target, VectorMetric metric) {
    if (target.database() == null || target.columns().size() != 1) {
      return Optional.empty();
    }
    Supplier<Optional<IndexRegistry.Used>> lookup = () -> IndexRegistries.of(target.database())
        .find(IndexDefinition.Kind.VECTOR, target.schema(), target.table(), target.columns(),
            def -> metric.sqlName().equals(def.options().get("metric")));
    return lookup.get().map(used -> wrap(used, lookup));
  }

  /**
   * The index as the engine sees it. The lookup runs again when the search runs, so a plan
   * made before the table changed (a prepared statement) still searches a current index.
   */
  private static VectorIndex wrap(IndexRegistry.Used used,
      Supplier<Optional<IndexRegistry.Used>> lookup) {
    IndexDefinition def = used.definition();
    HnswVectorIndex index = (HnswVectorIndex) used.index();
    HnswParams p = index.params();
    String explain = "hnsw index " + def.name() + " on " + def.table() + "("
        + def.columns().get(0) + ") (lucene, metric " + p.metric().sqlName() + ", m=" + p.m()
        + ", ef_construction=" + p.efConstruction() + ", ef_search=" + p.efSearch() + ", "
        + def.rows() + " rows"
        + (used.rebuilt() ? ", rebuilt: the table changed since the last build" : "") + ")";
    return new VectorIndex() {
      @Override
      public String explain() {
        return explain;
      }

      @Override
      public ScoredRows search(float[] query, VectorMetric metric, int topK,
          IntPredicate accept) {
        HnswVectorIndex current = (HnswVectorIndex) lookup.get().orElse(used).index();
        return HnswVectorIndex.toScoredRows(current.search(query, topK, accept));
      }
    };
  }
}
