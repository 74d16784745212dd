package io.velaria.engine.spi.search;

import java.util.List;
import java.util.Set;

/**
 * Ranks documents by BM25 for one query, with no index kept afterwards (the engine calls it
 * for a keyword search without a usable {@link KeywordIndex}).
 *
 * <p>Contract: {@code documents.get(i)} is candidate row i (the searched columns' text joined
 * with a space, NULL columns left out, row order of the candidates). BM25 with k1 = 1.2 and
 * b = 0.75, document frequencies and average length taken over these documents only. Rows
 * scoring 0 are dropped; at most {@code topK} rows are returned, best first, equal scores
 * ordered by the smaller ordinal.
 */
public interface KeywordRanker {
  /** Default analyzer: English lower-cased and tokenized, Chinese segmented, mixed text works. */
  String DEFAULT_ANALYZER = "default";

  /** The analyzer names {@link #rank} accepts (lower case), including {@link #DEFAULT_ANALYZER}. */
  Set<String> analyzers();

  /**
   * @param analyzer one of {@link #analyzers()}, or null for {@link #DEFAULT_ANALYZER}
   * @param topK positive
   */
  ScoredRows rank(List<String> documents, String query, String analyzer, int topK);
}
