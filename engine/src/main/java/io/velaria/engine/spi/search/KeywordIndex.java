package io.velaria.engine.spi.search;

import java.util.function.IntPredicate;

/** A persistent keyword index over a table, as found by a {@link KeywordIndexProvider}. */
public interface KeywordIndex {
  /** One line for EXPLAIN, e.g. {@code keyword index docs_kw (lucene, analyzer smartcn)}. */
  String explain();

  /**
   * Same contract as {@link KeywordRanker#rank} (BM25, score 0 dropped, ties to the smaller
   * ordinal), over the table's rows; only ordinals {@code accept} allows (all if null).
   */
  ScoredRows search(String query, int topK, IntPredicate accept);
}
