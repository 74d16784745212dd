package io.velaria.search.index;

import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorIndexProvider;
import io.velaria.engine.spi.search.VectorMetric;
import java.util.Optional;
import java.util.function.IntPredicate;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;

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
    java.util.function.Function<Boolean, Optional<IndexRegistry.Used>> lookup =
        rebuild -> IndexRegistries.of(target.database()).find(IndexDefinition.Kind.VECTOR,
            target.schema(), target.table(), target.columns(),
            def -> metric.sqlName().equals(def.options().get("metric")), rebuild);
    return lookup.apply(false).map(used -> wrap(used, lookup));
  }

  /**
   * The index as the engine sees it. The lookup runs again when the search runs (rebuilding
   * a stale index then), so a plan made before the table changed (a prepared statement)
   * still searches a current index.
   */
  private static VectorIndex wrap(IndexRegistry.Used used,
      java.util.function.Function<Boolean, Optional<IndexRegistry.Used>> lookup) {
    IndexDefinition def = used.definition();
    HnswParams p = IndexRegistry.params(def);
    String explain = "hnsw index " + def.name() + " on " + def.table() + "("
        + def.columns().get(0) + ") (lucene, metric " + p.metric().sqlName() + ", m=" + p.m()
        + ", ef_construction=" + p.efConstruction() + ", ef_search=" + p.efSearch()
        + (p.int8() ? ", quantization=int8" : "") + ", " + def.rows() + " rows"
        + (used.stale() ? ", " + KeywordIndexes.STALE : "") + ")";
    return new VectorIndex() {
      @Override
      public String explain() {
        return explain;
      }

      @Override
      public ScoredRows search(float[] query, VectorMetric metric, int topK,
          IntPredicate accept) {
        return search(query, metric, topK, null, accept);
      }

      @Override
      public ScoredRows search(float[] query, VectorMetric metric, int topK, Integer efSearch,
          IntPredicate accept) {
        IndexRegistry.Used now = lookup.apply(true).orElseThrow(() -> new VelariaException(
            SqlStates.UNDEFINED_OBJECT, "vector index " + def.name() + " was dropped"));
        HnswVectorIndex current = (HnswVectorIndex) now.index();
        // all ef_search candidates (this query's EF_SEARCH, else the index's): the engine
        // re-scores them exactly and keeps topK
        int ef = efSearch != null ? efSearch : current.params().efSearch();
        int candidates = Math.max(topK, ef);
        return HnswVectorIndex.toScoredRows(current.search(query, candidates, ef, accept));
      }

      @Override
      public boolean engineReranks() {
        return true;
      }
    };
  }
}
