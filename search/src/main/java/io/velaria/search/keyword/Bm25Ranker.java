package io.velaria.search.keyword;

import io.velaria.engine.spi.search.KeywordRanker;
import io.velaria.engine.spi.search.ScoredRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * BM25 over documents handed in for one query, without building a Lucene index: analyzing
 * once and counting only the query's terms is cheaper than indexing every term.
 *
 * <p>Score of a document = sum over the distinct query terms t of
 * {@code idf(t) * tf / (tf + k1 * (1 - b + b * dl / avgdl))} with
 * {@code idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))}, k1 = 1.2, b = 0.75, dl the
 * document's token count and avgdl the mean over the N documents: Lucene's BM25Similarity
 * formula, with exact document lengths (Lucene rounds long lengths when it stores them).
 */
public final class Bm25Ranker implements KeywordRanker {
  static final double K1 = 1.2;
  static final double B = 0.75;

  @Override
  public Set<String> analyzers() {
    return TextAnalyzers.NAMES;
  }

  @Override
  public ScoredRows rank(List<String> documents, String query, String analyzerName, int topK) {
    if (topK <= 0) {
      throw new IllegalArgumentException("topK must be positive: " + topK);
    }
    try (Analyzer analyzer = TextAnalyzers.create(analyzerName)) {
      Map<String, Integer> terms = new LinkedHashMap<>();
      for (String t : TextAnalyzers.tokens(analyzer, query)) {
        terms.putIfAbsent(t, terms.size());
      }
      int n = documents.size();
      if (terms.isEmpty() || n == 0) {
        return ScoredRows.empty();
      }
      int q = terms.size();
      int[] tf = new int[n * q];
      int[] length = new int[n];
      int[] df = new int[q];
      long totalLength = 0;
      for (int d = 0; d < n; d++) {
        String doc = documents.get(d);
        if (doc == null) {
          continue;
        }
        List<String> tokens = TextAnalyzers.tokens(analyzer, doc);
        length[d] = tokens.size();
        totalLength += tokens.size();
        for (String t : tokens) {
          Integer i = terms.get(t);
          if (i != null) {
            if (tf[d * q + i] == 0) {
              df[i]++;
            }
            tf[d * q + i]++;
          }
        }
      }
      double avgLength = (double) totalLength / n;
      double[] idf = new double[q];
      for (int i = 0; i < q; i++) {
        idf[i] = Math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5));
      }
      TopScores top = new TopScores(topK);
      for (int d = 0; d < n; d++) {
        double score = 0;
        double norm = K1 * (1 - B + B * length[d] / avgLength);
        for (int i = 0; i < q; i++) {
          int f = tf[d * q + i];
          if (f > 0) {
            score += idf[i] * f / (f + norm);
          }
        }
        if (score > 0) {
          top.offer(d, score);
        }
      }
      return top.result();
    }
  }
}
