package io.velaria.engine.spi.search;

import java.util.Locale;

/** How a vector search scores rows (SPEC 2.4). */
public enum VectorMetric {
  /** 1 - cosine similarity; 0 is best; a zero vector (either side) scores 1. Ascending. */
  COSINE("cosine", false),
  /** Euclidean distance. Ascending. */
  L2("l2", false),
  /** Inner product. Descending. */
  DOT("dot", true);

  private final String sqlName;
  private final boolean higherIsBetter;

  VectorMetric(String sqlName, boolean higherIsBetter) {
    this.sqlName = sqlName;
    this.higherIsBetter = higherIsBetter;
  }

  public String sqlName() {
    return sqlName;
  }

  /** True for dot (keep scores {@code >=} the threshold), false for distances ({@code <=}). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The metric named in SQL (case-insensitive), or null if there is none of that name. */
  public static VectorMetric fromSql(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (VectorMetric m : values()) {
      if (m.sqlName.equals(n)) {
        return m;
      }
    }
    return null;
  }
}
