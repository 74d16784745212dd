package io.velaria.engine.plan;

import io.velaria.engine.spi.search.VectorMetric;
import java.util.List;

/**
 * What a search node does (SPEC 2.4). With both parts and no fusion: keyword candidates
 * (keyword top_k), then vector ranking of those candidates, ordered by vector score. With
 * fusion: both rankings over the same input rows, merged by reciprocal-rank fusion.
 *
 * @param keyword the keyword part, or null
 * @param vector the vector part, or null
 * @param rrf true to fuse the two rankings by reciprocal rank (both parts present)
 */
public record SearchSpec(Keyword keyword, Vector vector, boolean rrf) {
  /** Defaults of SPEC 2.4. */
  public static final int DEFAULT_TOP_K = 10;
  public static final VectorMetric DEFAULT_METRIC = VectorMetric.COSINE;
  /** The k of reciprocal-rank fusion: score = sum of 1 / (RRF_K + rank), ranks from 1. */
  public static final int RRF_K = 60;

  /** BM25 over {@code columns} (input positions) joined as one document. */
  public record Keyword(int[] columns, List<String> columnNames, String query, int topK,
      String analyzer) {}

  /** Ranking by {@code metric} of the vector in input position {@code column}. */
  public record Vector(int column, String columnName, float[] query, VectorMetric metric,
      int topK, Double threshold) {}
}
