package io.velaria.search.index;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 (k1 1.2, b 0.75) as the transient ranker ({@code keyword.Bm25Ranker}) computes it, so a
 * persistent index and a transient ranking of the whole table give the same scores:
 * {@code idf * tf / (tf + k1 * (1 - b + b * dl / avgdl))}, {@code idf = ln(1 + (N - df + 0.5)
 * / (df + 0.5))}, N = all rows (also those whose columns are NULL), avgdl = tokens / N. Unlike
 * Lucene's BM25Similarity, the norm is the exact token count rather than a one-byte
 * approximation. Lucene's float scores only order candidates; {@link Bm25KeywordIndex}
 * recomputes the returned scores in double precision.
 */
final class ExactBm25Similarity extends Similarity {
  static final double K1 = 1.2;
  static final double B = 0.75;

  @Override
  public long computeNorm(FieldInvertState state) {
    return state.getLength();
  }

  @Override
  public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
    double n = collection.maxDoc();
    double avgLength = collection.sumTotalTermFreq() / n;
    double idf = 0;
    for (TermStatistics t : terms) {
      idf += idf(n, t.docFreq());
    }
    double weight = boost * idf;
    return new SimScorer() {
      @Override
      public float score(float freq, long norm) {
        return (float) (weight * freq / (freq + K1 * (1 - B + B * norm / avgLength)));
      }
    };
  }

  static double idf(double n, double docFreq) {
    return Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
  }
}
