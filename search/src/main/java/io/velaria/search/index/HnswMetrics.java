package io.velaria.search.index;

import io.velaria.engine.exec.search.VectorDistance;
import io.velaria.engine.spi.search.VectorMetric;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene similarity an HNSW graph is built with for each metric, and the exact SPEC 2.4
 * score. Lucene's similarity only chooses candidates; every candidate is scored again
 * exactly, so returned scores and their order are the metric's own.
 * <ul>
 *   <li>cosine (1 - cosine similarity, ascending): the index stores vectors normalized to unit
 *       length under Lucene DOT_PRODUCT, which then ranks like COSINE at a third of the
 *       arithmetic (indexes written before stored them as given under COSINE; both are
 *       searched with a normalized query).</li>
 *   <li>l2 (Euclidean distance, ascending): Lucene EUCLIDEAN scores 1/(1+d^2), same order.</li>
 *   <li>dot (inner product, descending): Lucene DOT_PRODUCT assumes unit vectors, so
 *       MAXIMUM_INNER_PRODUCT, which ranks any vectors by inner product.</li>
 * </ul>
 */
final class HnswMetrics {
  private HnswMetrics() {}

  static VectorSimilarityFunction lucene(VectorMetric metric) {
    switch (metric) {
      case COSINE:
        return VectorSimilarityFunction.DOT_PRODUCT;
      case L2:
        return VectorSimilarityFunction.EUCLIDEAN;
      default:
        return VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
    }
  }

  /**
   * The exact score of the vector at {@code values[offset..offset+q.length)} against q: the
   * engine's exact-scan formula, so index answers carry the same scores as the exact scan.
   */
  static double score(VectorMetric metric, float[] q, float[] values, int offset) {
    return VectorDistance.score(metric, q, values, offset);
  }

  /** Negative when score a ranks before score b. */
  static int compare(VectorMetric metric, double a, double b) {
    return metric.higherIsBetter() ? Double.compare(b, a) : Double.compare(a, b);
  }

  static VectorMetric parse(String name) {
    VectorMetric m = VectorMetric.fromSql(name.trim());
    if (m == null) {
      throw new io.velaria.engine.error.VelariaException(
          io.velaria.engine.error.SqlStates.SYNTAX_ERROR,
          "unknown metric '" + name + "'; use cosine, l2 or dot");
    }
    return m;
  }
}
