package io.velaria.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EMBED() with the real all-MiniLM-L6-v2 model through jdbc:velaria:. The model loads once for
 * the whole class (and the JVM). Distances are computed here from the returned vectors.
 */
class MiniLmSqlTest {
  /** Labelled triples: (anchor, a paraphrase of it, an unrelated sentence of the same domain). */
  private static final String[][] TRIPLES = {
      {"payment page times out", "checkout hangs while paying", "refund queue delayed"},
      {"the database server crashed overnight", "our DB host went down during the night",
          "the new logo colours were approved"},
      {"how do I reset my password", "I forgot my login credentials",
          "shipping costs for international orders"},
      {"the train was late this morning", "my commute was delayed by the railway",
          "the recipe needs two eggs"}};

  private static Connection conn;

  @BeforeAll
  static void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:velaria:");
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  private static Map<String, float[]> embedAll(List<String> texts, String call)
      throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("DROP TABLE IF EXISTS t");
      s.execute("CREATE TABLE t (id INT, body VARCHAR)");
    }
    try (PreparedStatement p = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int i = 0; i < texts.size(); i++) {
        p.setInt(1, i);
        p.setString(2, texts.get(i));
        p.addBatch();
      }
      p.executeBatch();
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT body, " + call + " FROM t ORDER BY id")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getObject(2, float[].class));
      }
    }
    return out;
  }

  static double cosineDistance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return 1 - dot / Math.sqrt(na * nb);
  }

  @Test
  void paraphrasesAreNearerThanUnrelatedSentences() throws SQLException {
    List<String> texts = new ArrayList<>();
    for (String[] t : TRIPLES) {
      texts.addAll(List.of(t));
    }
    Map<String, float[]> v = embedAll(texts, "EMBED(body)");
    for (String[] t : TRIPLES) {
      double near = cosineDistance(v.get(t[0]), v.get(t[1]));
      double far = cosineDistance(v.get(t[0]), v.get(t[2]));
      assertTrue(near < far, t[0] + ": " + near + " (paraphrase) vs " + far + " (unrelated)");
      // and the paraphrase is the anchor's nearest neighbour among all other sentences
      String nearest = null;
      double best = Double.MAX_VALUE;
      for (String other : texts) {
        double d = cosineDistance(v.get(t[0]), v.get(other));
        if (!other.equals(t[0]) && d < best) {
          best = d;
          nearest = other;
        }
      }
      assertEquals(t[1], nearest, t[0]);
    }
  }

  @Test
  void vectorsHave384DimensionsAndUnitLength() throws SQLException {
    Map<String, float[]> v = embedAll(List.of("refund queue delayed"), "EMBED(body, 'minilm')");
    float[] x = v.get("refund queue delayed");
    assertEquals(384, x.length);
    assertEquals(1.0, Math.sqrt(dot(x, x)), 1e-4);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Test
  void batchResultsEqualSingleResults() throws SQLException {
    List<String> texts = new ArrayList<>();
    for (String[] t : TRIPLES) {
      texts.addAll(List.of(t));
    }
    Map<String, float[]> batch = embedAll(texts, "EMBED(body, 'all-minilm-l6-v2')");
    try (PreparedStatement p = conn.prepareStatement("SELECT EMBED(?)")) {
      for (String text : texts) {
        p.setString(1, text);
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          assertArrayEquals(batch.get(text), rs.getObject(1, float[].class), 1e-5f, text);
        }
      }
    }
  }

  @Test
  void blankTextIsTheZeroVectorAndNullStaysNull() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT EMBED('  '), EMBED(CAST(NULL AS VARCHAR))")) {
      assertTrue(rs.next());
      assertArrayEquals(new float[384], rs.getObject(1, float[].class));
      assertEquals(null, rs.getObject(2));
    }
  }

  @Test
  void loadIsReportedOnce() throws SQLException {
    embedAll(List.of("warm"), "EMBED(body)");
    String report = new MiniLmEmbeddingProvider().loadReport();
    assertTrue(report != null && report.startsWith("loaded in "), String.valueOf(report));
  }

  @Test
  void textQueryHybridSearchFindsTheParaphrasedDocumentFirst() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("DROP TABLE IF EXISTS tickets");
      s.execute("CREATE TABLE tickets (id INT, title VARCHAR, body VARCHAR)");
      s.execute("INSERT INTO tickets VALUES"
          + " (1, 'Refund queue delayed', 'Customers wait a week for their money back'),"
          + " (2, 'Checkout hangs while paying', 'The card form spins forever after pressing"
          + " buy'),"
          + " (3, 'Password reset mail missing', 'Users never receive the reset link'),"
          + " (4, 'App crashes on launch', 'The mobile app closes right after opening')");
      // no WITH: the default model, recorded on the index table's embedding column
      assertEquals(4, s.executeUpdate("CREATE EMBEDDING INDEX tickets_emb ON tickets(title, body)"));
      try (ResultSet rs = s.executeQuery("SELECT id, vector_score FROM tickets_emb"
          + " HYBRID SEARCH embedding QUERY TEXT 'payment page times out' TOP_K 4")) {
        List<Integer> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getInt(1));
          scores.add(rs.getDouble(2));
        }
        assertEquals(4, ids.size());
        assertEquals(2, ids.get(0), "ranked " + ids + " with cosine distances " + scores);
        for (int i = 1; i < scores.size(); i++) {
          assertTrue(scores.get(i - 1) <= scores.get(i), "ascending distances: " + scores);
        }
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM tickets_emb"
          + " HYBRID SEARCH embedding QUERY TEXT 'payment page times out'")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertTrue(plan.toString().contains("model all-minilm-l6-v2 (384 dimensions")
          && plan.toString().contains("loaded in "), plan.toString());
      // the same search through a connection expecting another model is refused
      try (Connection other = DriverManager.getConnection("jdbc:velaria:mem:other;embedding_model=hash");
          Statement o = other.createStatement()) {
        o.execute("CREATE TABLE t AS SELECT 1 AS id, EMBED('checkout hangs') AS v");
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
            () -> o.executeQuery("SELECT id FROM t HYBRID SEARCH v QUERY TEXT 'pay'").next());
        assertTrue(e.getMessage().contains("mismatch")
            && e.getMessage().contains("all-minilm-l6-v2"), e.getMessage());
      }
    }
  }
}
