package io.velaria.jdbc.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.embed.HashingEmbeddingProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HYBRID SEARCH ... QUERY TEXT with the built-in hashing model: the text is embedded with the
 * model recorded on the column; mismatches are refused. Expected orders are computed here from
 * the model's vectors.
 */
class QueryTextSearchTest {
  private static final String[][] DOCS = {
      {"1", "Refunds", "refund queue delayed for days"},
      {"2", "Payment timeout", "the payment page times out at checkout"},
      {"3", "Login", "password reset mail never arrives"},
      {"4", "Payments", "card payment declined"}};

  private static float[] hash(String text) {
    return new HashingEmbeddingProvider().embed(List.of(text))[0];
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
  }

  private static void docs(Statement s) throws SQLException {
    s.execute("CREATE TABLE docs (id INT, title VARCHAR, body VARCHAR)");
    for (String[] d : DOCS) {
      s.execute("INSERT INTO docs VALUES (" + d[0] + ", '" + d[1] + "', '" + d[2] + "')");
    }
  }

  @Test
  void textQueryRanksByTheColumnsModel() throws SQLException {
    String query = "payment times out";
    List<double[]> expected = new ArrayList<>();
    for (String[] d : DOCS) {
      expected.add(new double[] {Integer.parseInt(d[0]),
          cosine(hash(query), hash("title: " + d[1] + "; body: " + d[2]))});
    }
    expected.sort(Comparator.comparingDouble(e -> e[1]));
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      docs(s);
      s.execute("CREATE EMBEDDING INDEX docs_emb ON docs(title, body) WITH (model = 'hash')");
      try (ResultSet rs = s.executeQuery("SELECT id, vector_score FROM docs_emb"
          + " HYBRID SEARCH embedding QUERY TEXT '" + query + "' METRIC cosine TOP_K 3")) {
        for (int i = 0; i < 3; i++) {
          assertTrue(rs.next());
          assertEquals((int) expected.get(i)[0], rs.getInt(1), "rank " + i);
          assertEquals(expected.get(i)[1], rs.getDouble(2), 1e-5);
        }
        assertTrue(!rs.next());
      }
      assertEquals(2, (int) expected.get(0)[0], "the payment-timeout document is nearest");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM docs_emb"
          + " HYBRID SEARCH embedding QUERY TEXT '" + query + "'")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertTrue(plan.toString().contains("QUERY TEXT embedded with model hash (384 dimensions,"
          + " template mixed-text-v1) recorded on column embedding"), plan.toString());
    }
  }

  @Test
  void createTableAsEmbedRecordsTheModelForTextQueries() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      docs(s);
      s.execute("CREATE TABLE e AS SELECT id, EMBED(body, 'hash') AS v FROM docs");
      try (ResultSet rs = s.executeQuery("SELECT id FROM e AS x WHERE id <> 2"
          + " HYBRID SEARCH v QUERY TEXT 'card payment' TOP_K 1")) {
        assertTrue(rs.next());
        assertEquals(4, rs.getInt(1));
      }
    }
  }

  @Test
  void mismatchesAreRefused() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:qt;embedding_model=test-count");
        Statement s = c.createStatement()) {
      docs(s);
      s.execute("CREATE EMBEDDING INDEX docs_emb ON docs(title, body) WITH (model = 'hash')");
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(
          "SELECT id FROM docs_emb HYBRID SEARCH embedding QUERY TEXT 'payment'").next());
      assertEquals("42804", e.getSQLState());
      assertTrue(e.getMessage().contains("embedding model mismatch")
          && e.getMessage().contains("'hash'") && e.getMessage().contains("test-count"),
          e.getMessage());

      // vectors inserted without a recorded model: the text cannot be embedded to match
      s.execute("CREATE TABLE plain (id INT, v VECTOR(384))");
      s.execute("INSERT INTO plain SELECT id, EMBED(body, 'hash') FROM docs");
      SQLException none = assertThrows(SQLException.class, () -> s.executeQuery(
          "SELECT id FROM plain HYBRID SEARCH v QUERY TEXT 'payment'").next());
      assertEquals("42804", none.getSQLState());
      assertTrue(none.getMessage().contains("no recorded embedding model"), none.getMessage());

      SQLException notVector = assertThrows(SQLException.class, () -> s.executeQuery(
          "SELECT id FROM docs HYBRID SEARCH body QUERY TEXT 'payment'").next());
      assertTrue(notVector.getMessage().contains("not a VECTOR"), notVector.getMessage());
    }
  }
}
