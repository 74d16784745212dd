package io.velaria.search.index;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.search.VectorMetric;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HNSW settings of a vector index: {@code m} (neighbours per node, Lucene's maxConn),
 * {@code ef_construction} (beam width while building) and {@code ef_search} (candidates
 * looked at per query; the index asks Lucene for max(TOP_K, ef_search) neighbours and the
 * engine keeps the best TOP_K after exact re-scoring), the metric the graph is built for, and
 * {@code quantization} ('none', or 'int8': Lucene's scalar-quantized format, which keeps the
 * float vectors too but builds and walks the merged graph with 7-bit integer vectors).
 */
public record HnswParams(VectorMetric metric, int m, int efConstruction, int efSearch,
    boolean int8) {
  public static final int DEFAULT_M = 16;
  public static final int DEFAULT_EF_CONSTRUCTION = 100;
  public static final int DEFAULT_EF_SEARCH = 100;

  public HnswParams(VectorMetric metric, int m, int efConstruction, int efSearch) {
    this(metric, m, efConstruction, efSearch, false);
  }

  public HnswParams {
    check("m", m, 2, 512);
    check("ef_construction", efConstruction, 1, 3200);
    check("ef_search", efSearch, 1, 10_000);
  }

  public static HnswParams defaults(VectorMetric metric) {
    return new HnswParams(metric, DEFAULT_M, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH);
  }

  /** Reads {@code WITH (metric=.., m=.., ef_construction=.., ef_search=..)}; others are errors. */
  public static HnswParams fromOptions(Map<String, ?> with) {
    VectorMetric metric = VectorMetric.COSINE;
    int m = DEFAULT_M;
    int efc = DEFAULT_EF_CONSTRUCTION;
    int efs = DEFAULT_EF_SEARCH;
    boolean int8 = false;
    for (Map.Entry<String, ?> e : with.entrySet()) {
      String value = String.valueOf(e.getValue());
      switch (e.getKey()) {
        case "metric":
          metric = HnswMetrics.parse(value);
          break;
        case "m":
          m = integer(e.getKey(), value);
          break;
        case "ef_construction":
          efc = integer(e.getKey(), value);
          break;
        case "ef_search":
          efs = integer(e.getKey(), value);
          break;
        case "quantization":
          int8 = quantization(value);
          break;
        default:
          throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown vector index option '"
              + e.getKey() + "'; use metric, m, ef_construction, ef_search, quantization");
      }
    }
    return new HnswParams(metric, m, efc, efs, int8);
  }

  /** The same index settings with another ef_search (a query-time choice). */
  public HnswParams withEfSearch(int efSearch) {
    return new HnswParams(metric, m, efConstruction, efSearch, int8);
  }

  private static boolean quantization(String value) {
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "none":
        return false;
      case "int8":
        return true;
      default:
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown vector index quantization '"
            + value + "'; use none or int8");
    }
  }

  /** The options as stored with the index and shown by EXPLAIN. */
  public Map<String, String> toOptions() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("metric", metric.sqlName());
    out.put("m", Integer.toString(m));
    out.put("ef_construction", Integer.toString(efConstruction));
    out.put("ef_search", Integer.toString(efSearch));
    if (int8) {
      out.put("quantization", "int8");
    }
    return out;
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "vector index option " + key + " must be an integer, got '" + value + "'");
    }
  }

  private static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "vector index option " + key
          + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
