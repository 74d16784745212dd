package io.velaria.jdbc.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword and vector indexes of a persistent database through JDBC: the same top rows as the
 * transient ranking / exact scan, kept across closing and reopening the database, rebuilt
 * after the table changed, and their files removed by DROP INDEX.
 */
class SearchIndexPersistenceTest {
  @TempDir Path dir;

  private static final String KEYWORD =
      "SELECT id, keyword_score FROM docs KEYWORD SEARCH(body) QUERY 'alpha beta' TOP_K 5";

  private static String vectorQuery(float[] q) {
    StringBuilder b = new StringBuilder();
    for (float f : q) {
      b.append(b.length() == 0 ? "" : " ").append(f);
    }
    return "SELECT id, vector_score FROM docs HYBRID SEARCH emb QUERY '[" + b
        + "]' METRIC l2 TOP_K 5";
  }

  @Test
  void indexesGiveTheExactAnswersAndSurviveReopen() throws Exception {
    String url = "jdbc:velaria:" + dir.resolve("db");
    String[] words = {"alpha", "beta", "gamma", "delta", "epsilon"};
    Random random = new Random(1);
    float[] query = {0.5f, -0.25f, 0.125f, 1f};
    List<String> exactKeyword;
    List<String> exactVector;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE docs (id INT, body VARCHAR, emb VECTOR(4))");
      StringBuilder insert = new StringBuilder("INSERT INTO docs VALUES ");
      for (int i = 0; i < 300; i++) {
        insert.append(i == 0 ? "" : ", ").append("(").append(i).append(", '");
        for (int w = 0; w < 3 + random.nextInt(5); w++) {
          insert.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        insert.append("', '[");
        for (int d = 0; d < 4; d++) {
          insert.append(d == 0 ? "" : ", ").append(random.nextFloat() * 2 - 1);
        }
        insert.append("]')");
      }
      s.execute(insert.toString());
      exactKeyword = rows(s, KEYWORD);
      exactVector = rows(s, vectorQuery(query));
      assertEquals(5, exactKeyword.size());
      assertEquals(5, exactVector.size());
      s.execute("CREATE KEYWORD INDEX docs_kw ON docs(body)");
      s.execute("CREATE VECTOR INDEX docs_vec ON docs(emb) USING hnsw WITH (metric = 'l2')");
      assertEquals(exactKeyword, rows(s, KEYWORD));
      assertEquals(exactVector, rows(s, vectorQuery(query)));
    }
    Path indexes = dir.resolve("db").resolve("search-indexes");
    assertTrue(Files.isDirectory(indexes.resolve("docs_kw")));
    assertTrue(Files.isDirectory(indexes.resolve("docs_vec")));
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      String plan = String.join("\n", rows(s, "EXPLAIN " + KEYWORD));
      assertTrue(plan.contains("keyword index docs_kw") && !plan.contains("rebuilt"), plan);
      plan = String.join("\n", rows(s, "EXPLAIN " + vectorQuery(query)));
      assertTrue(plan.contains("hnsw index docs_vec") && !plan.contains("rebuilt"), plan);
      assertEquals(exactKeyword, rows(s, KEYWORD));
      assertEquals(exactVector, rows(s, vectorQuery(query)));

      // the table changes: the stale indexes are rebuilt and answer as the transient ranking
      // and the exact scan do after the change (checked once the indexes are dropped)
      s.execute("INSERT INTO docs VALUES (1000, 'alpha beta', '[0.5, -0.25, 0.125, 1]')");
      plan = String.join("\n", rows(s, "EXPLAIN " + KEYWORD));
      assertTrue(plan.contains("stale: the table changed since the last build, rebuilt when"
          + " the query runs"), plan);
      List<String> keywordAfter = rows(s, KEYWORD);
      List<String> vectorAfter = rows(s, vectorQuery(query));
      assertEquals("1000\t0.0", vectorAfter.get(0));

      s.execute("DROP INDEX docs_kw");
      s.execute("DROP INDEX docs_vec");
      assertFalse(Files.exists(indexes.resolve("docs_kw")));
      assertFalse(Files.exists(indexes.resolve("docs_vec")));
      assertEquals(keywordAfter, rows(s, KEYWORD));
      assertEquals(vectorAfter, rows(s, vectorQuery(query)));
      plan = String.join("\n", rows(s, "EXPLAIN " + KEYWORD));
      assertTrue(plan.contains("mode=transient bm25"), plan);
    }
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : "\t").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
