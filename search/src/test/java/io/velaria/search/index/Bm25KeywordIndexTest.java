package io.velaria.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.type.DataType;
import io.velaria.search.keyword.Bm25Ranker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class Bm25KeywordIndexTest {
  private static Batch batch(String[] titles, String[] bodies) {
    int n = titles.length;
    boolean[] tn = new boolean[n];
    boolean[] bn = new boolean[n];
    for (int i = 0; i < n; i++) {
      tn[i] = titles[i] == null;
      bn[i] = bodies[i] == null;
    }
    return new Batch(new Column[] {
        new StringColumn(DataType.VARCHAR, n, titles, tn),
        new StringColumn(DataType.VARCHAR, n, bodies, bn)}, n);
  }

  private static Bm25KeywordIndex index(List<Batch> batches, String analyzer) throws Exception {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    long rows = Bm25KeywordIndex.build(dir, batches.iterator(), new int[] {0, 1}, analyzer);
    return Bm25KeywordIndex.open(dir, rows, analyzer);
  }

  @Test
  void scoresEqualTheTransientRankerOverTheWholeTable() throws Exception {
    String[] words = {"payment", "timeout", "refund", "login", "error", "retry", "card",
        "bank", "slow", "支付", "超时", "退款"};
    Random random = new Random(42);
    int n = 2500;
    String[] titles = new String[n];
    String[] bodies = new String[n];
    List<String> documents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      titles[i] = random.nextInt(10) == 0 ? null : sentence(words, random, 1 + random.nextInt(3));
      bodies[i] = random.nextInt(10) == 0 ? null : sentence(words, random, 2 + random.nextInt(12));
      String doc = titles[i] == null ? bodies[i]
          : bodies[i] == null ? titles[i] : titles[i] + " " + bodies[i];
      documents.add(doc);
    }
    List<Batch> batches = List.of(batch(slice(titles, 0, 1000), slice(bodies, 0, 1000)),
        batch(slice(titles, 1000, n), slice(bodies, 1000, n)));
    try (Bm25KeywordIndex index = index(batches, "default")) {
      for (String query : List.of("payment timeout", "refund", "Login ERROR retry",
          "支付超时", "card bank slow payment", "nothing-matches")) {
        ScoredRows want = new Bm25Ranker().rank(documents, query, "default", 20);
        List<ScoredRow> got = index.search(query, 20, null);
        assertEquals(want.size(), got.size(), query);
        for (int i = 0; i < got.size(); i++) {
          assertEquals(want.row(i), got.get(i).row(), query + " rank " + i);
          assertEquals(want.score(i), got.get(i).score(), 1e-9, query + " rank " + i);
        }
      }
    }
  }

  @Test
  void filterKeepsOnlyAcceptedRowsWithWholeTableScores() throws Exception {
    String[] titles = {"payment timeout", "payment ok", "timeout", "payment timeout again", "x"};
    String[] bodies = {null, "gateway", "payment", null, "payment timeout"};
    try (Bm25KeywordIndex index = index(List.of(batch(titles, bodies)), null)) {
      List<ScoredRow> all = index.search("payment timeout", 10, null);
      List<ScoredRow> odd = index.search("payment timeout", 10, r -> r % 2 == 1);
      assertEquals(List.of(1, 3), odd.stream().map(ScoredRow::row).sorted().toList());
      for (ScoredRow h : odd) {
        assertTrue(all.contains(h), "same score as unfiltered: " + h);
      }
    }
  }

  @Test
  void equalScoresGoToTheEarlierRowAndNonMatchingRowsAreDropped() throws Exception {
    String[] titles = {"alpha", "beta", "alpha", "gamma", "alpha"};
    String[] bodies = {null, null, null, null, null};
    try (Bm25KeywordIndex index = index(List.of(batch(titles, bodies)), "english")) {
      List<ScoredRow> got = index.search("ALPHA", 2, null);
      assertEquals(List.of(0, 2), got.stream().map(ScoredRow::row).toList());
      assertEquals(got.get(0).score(), got.get(1).score());
      assertEquals(3, index.search("alpha", 10, null).size());
      assertEquals(0, index.search("delta", 10, null).size());
    }
  }

  @Test
  void chineseTextIsSegmented() throws Exception {
    String[] titles = {"支付超时", "登录失败", "Payment 超时 retry"};
    String[] bodies = {"用户支付时网关超时", "密码错误", null};
    try (Bm25KeywordIndex index = index(List.of(batch(titles, bodies)), "smartcn")) {
      List<ScoredRow> got = index.search("支付 超时", 10, null);
      assertEquals(0, got.get(0).row());
      assertEquals(1, index.search("登录", 10, null).size());
      assertEquals(2, index.search("payment", 10, null).get(0).row());
    }
  }

  private static String sentence(String[] words, Random random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
    }
    return b.toString();
  }

  private static String[] slice(String[] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, to);
  }
}
