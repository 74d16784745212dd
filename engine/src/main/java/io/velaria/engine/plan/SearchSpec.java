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
  /** The largest EF_SEARCH a query may ask for (as for an index's ef_search option). */
  public static final int MAX_EF_SEARCH = 10_000;

  /**
   * BM25 over {@code columns} (input positions) joined as one document. {@code queryParam}:
   * the index of the JDBC parameter giving the query ({@code QUERY ?}; query is then null
   * until {@link #bind}), or -1.
   */
  public record Keyword(int[] columns, List<String> columnNames, String query, int topK,
      String analyzer, int queryParam) {
    public Keyword(int[] columns, List<String> columnNames, String query, int topK,
        String analyzer) {
      this(columns, columnNames, query, topK, analyzer, -1);
    }
  }

  /**
   * Ranking by {@code metric} of the vector in input position {@code column}.
   * {@code queryParam}: as for {@link Keyword}. {@code efSearch}: {@code EF_SEARCH n}, the
   * candidates an HNSW index looks at for this query (null: the index's own ef_search;
   * no effect on an exact scan).
   */
  public record Vector(int column, String columnName, float[] query, VectorMetric metric,
      int topK, Double threshold, int queryParam, Integer efSearch) {
    public Vector(int column, String columnName, float[] query, VectorMetric metric, int topK,
        Double threshold) {
      this(column, columnName, query, metric, topK, threshold, -1, null);
    }
  }

  /** True when a query is a JDBC parameter, known only when the statement runs. */
  public boolean hasParameters() {
    return keyword != null && keyword.queryParam() >= 0
        || vector != null && vector.queryParam() >= 0;
  }

  /** This spec with the parameters' values ({@code parameter(i)}: value of parameter i). */
  public SearchSpec bind(java.util.function.IntFunction<Object> parameter, int dimension) {
    Keyword k = keyword;
    if (k != null && k.queryParam() >= 0) {
      k = new Keyword(k.columns(), k.columnNames(),
          SearchQueryValues.keywordQuery(parameter.apply(k.queryParam())), k.topK(),
          k.analyzer());
    }
    Vector v = vector;
    if (v != null && v.queryParam() >= 0) {
      v = new Vector(v.column(), v.columnName(),
          SearchQueryValues.vectorQuery(parameter.apply(v.queryParam()), v.columnName(),
              dimension), v.metric(), v.topK(), v.threshold(), -1, v.efSearch());
    }
    return new SearchSpec(k, v, rrf);
  }
}
