package io.velaria.search.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.velaria.engine.spi.search.KeywordRanker;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchServices;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class Bm25RankerTest {
  private final KeywordRanker ranker = new Bm25Ranker();

  @Test
  void scoresFollowBm25AndDropZeroScores() {
    // N = 3, avgdl = 2; idf(payment) = ln(1 + 1.5/2.5), idf(timeout) = ln(1 + 2.5/1.5);
    // every matching doc has dl = avgdl, so each tf = 1 term adds idf / 2.2
    ScoredRows r = ranker.rank(List.of("payment timeout", "payment ok", "server down"),
        "Payment TIMEOUT", null, 10);
    assertEquals(2, r.size());
    assertEquals(0, r.row(0));
    assertEquals(0.6594694919352099, r.score(0), 1e-12);
    assertEquals(1, r.row(1));
    assertEquals(0.21363801329351617, r.score(1), 1e-12);
  }

  @Test
  void equalScoresGoToTheEarlierRowAndTopKCuts() {
    ScoredRows r = ranker.rank(List.of("b", "a x", "a y", "a z"), "a", "english", 2);
    assertEquals(2, r.size());
    assertEquals(1, r.row(0));
    assertEquals(2, r.row(1));
    assertEquals(r.score(0), r.score(1));
  }

  @Test
  void chineseIsSegmentedAndMixedTextWorks() {
    try (Analyzer a = TextAnalyzers.create(null)) {
      assertEquals(List.of("支付", "超时", "error", "42"),
          TextAnalyzers.tokens(a, "支付超时, ERROR 42!"));
    }
    ScoredRows r = ranker.rank(List.of("用户登录失败", "支付超时 payment", "订单已经发货"),
        "支付超时", "smartcn", 10);
    assertEquals(1, r.size());
    assertEquals(1, r.row(0));
  }

  @Test
  void nullDocumentsAndEmptyQueriesMatchNothing() {
    assertEquals(0, ranker.rank(Arrays.asList(null, "x"), "...", null, 5).size());
    assertEquals(1, ranker.rank(Arrays.asList(null, "x"), "x", null, 5).size());
  }

  @Test
  void unknownAnalyzerIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ranker.rank(List.of("x"), "x", "klingon", 5));
    assertEquals(true, e.getMessage().contains("klingon"));
  }

  @Test
  void foundThroughServiceLoader() {
    assertEquals(Bm25Ranker.class, SearchServices.keywordRanker().orElseThrow().getClass());
  }
}
