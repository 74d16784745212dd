package io.velaria.jdbc.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code QUERY ?}: a PreparedStatement parameter gives the keyword query (a String) or the
 * query vector (a float[] or the text '[x y ...]'); the answers equal those of the same query
 * written with literals, with and without a vector index, and bad values are SQLExceptions.
 */
class SearchParametersTest {
  private static Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:velaria:mem:search_params_"
        + System.nanoTime());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE docs (id INT, title VARCHAR, body VARCHAR, bucket INT,"
          + " embedding VECTOR(3))");
      s.execute("INSERT INTO docs VALUES"
          + " (10, 'payment timeout', 'the gateway timed out', 0, '[1 0 0]'),"
          + " (20, 'login error', 'payment page shows an error', 1, '[0.9 0.1 0]'),"
          + " (30, 'refund', 'refund after payment timeout', 1, '[0 1 0]'),"
          + " (40, 'shipping', 'parcel delayed', 1, '[0.5 0.5 0.1]')");
    }
    return c;
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        b.append(i == 1 ? "" : "|").append(rs.getString(i));
      }
      out.add(b.toString());
    }
    rs.close();
    return out;
  }

  private static List<String> literal(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return rows(s.executeQuery(sql));
    }
  }

  @Test
  void vectorQueryParameterAsFloatArrayOrTextGivesTheLiteralAnswer() throws Exception {
    try (Connection c = open()) {
      for (boolean indexed : new boolean[] {false, true}) {
        if (indexed) {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE VECTOR INDEX docs_vec ON docs(embedding) USING hnsw");
          }
        }
        List<String> want = literal(c, "SELECT id, vector_score FROM docs WHERE bucket = 1"
            + " HYBRID SEARCH embedding QUERY '[1 0 0]' METRIC cosine TOP_K 2");
        assertEquals(2, want.size());
        assertTrue(want.get(0).startsWith("20|"), want.toString());
        try (PreparedStatement p = c.prepareStatement("SELECT id, vector_score FROM docs"
            + " WHERE bucket = ? HYBRID SEARCH embedding QUERY ? METRIC cosine TOP_K 2")) {
          p.setInt(1, 1);
          p.setObject(2, new float[] {1, 0, 0});
          assertEquals(want, rows(p.executeQuery()), "float[] indexed=" + indexed);
          p.setString(2, "[1 0 0]");
          assertEquals(want, rows(p.executeQuery()), "text indexed=" + indexed);
          // the same statement with another vector
          p.setObject(2, new float[] {0, 1, 0});
          assertEquals(literal(c, "SELECT id, vector_score FROM docs WHERE bucket = 1"
              + " HYBRID SEARCH embedding QUERY '[0 1 0]' METRIC cosine TOP_K 2"),
              rows(p.executeQuery()));
        }
      }
    }
  }

  @Test
  void keywordAndHybridQueriesTakeParameters() throws Exception {
    try (Connection c = open()) {
      try (PreparedStatement p = c.prepareStatement("SELECT id, keyword_score FROM docs"
          + " KEYWORD SEARCH(title, body) QUERY ? TOP_K 3")) {
        for (String q : new String[] {"payment timeout", "refund", "parcel"}) {
          p.setString(1, q);
          assertEquals(literal(c, "SELECT id, keyword_score FROM docs"
              + " KEYWORD SEARCH(title, body) QUERY '" + q + "' TOP_K 3"), rows(p.executeQuery()),
              q);
        }
      }
      String hybrid = "SELECT id, keyword_score, vector_score FROM docs"
          + " KEYWORD SEARCH(title, body) QUERY %s TOP_K 3"
          + " HYBRID SEARCH embedding QUERY %s TOP_K 2";
      List<String> want = literal(c, String.format(hybrid, "'payment'", "'[0 1 0]'"));
      assertEquals(2, want.size());
      try (PreparedStatement p = c.prepareStatement(String.format(hybrid, "?", "?"))) {
        p.setString(1, "payment");
        p.setObject(2, new float[] {0, 1, 0});
        assertEquals(want, rows(p.executeQuery()));
      }
      List<String> viaFunction = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM TABLE(vector_search("
          + "TABLE docs, DESCRIPTOR(embedding), ?, 'l2', 2))")) {
        p.setString(1, "[0 1 0]");
        viaFunction.addAll(rows(p.executeQuery()));
      }
      assertEquals(literal(c, "SELECT id FROM docs HYBRID SEARCH embedding QUERY '[0 1 0]'"
          + " METRIC l2 TOP_K 2"), viaFunction);
    }
  }

  @Test
  void badParameterValuesAreSqlExceptions() throws Exception {
    try (Connection c = open();
        PreparedStatement v = c.prepareStatement(
            "SELECT id FROM docs HYBRID SEARCH embedding QUERY ? TOP_K 2");
        PreparedStatement k = c.prepareStatement(
            "SELECT id FROM docs KEYWORD SEARCH(title) QUERY ?")) {
      v.setObject(1, new float[] {1, 0});
      SQLException e = assertThrows(SQLException.class, v::executeQuery);
      assertEquals("42804", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
      v.setString(1, "[1 x 0]");
      assertEquals("22P02", assertThrows(SQLException.class, v::executeQuery).getSQLState());
      v.setNull(1, java.sql.Types.VARCHAR);
      e = assertThrows(SQLException.class, v::executeQuery);
      assertTrue(e.getMessage().contains("must not be NULL"), e.getMessage());
      k.setInt(1, 5);
      e = assertThrows(SQLException.class, k::executeQuery);
      assertEquals("42804", e.getSQLState(), e.getMessage());
    }
  }
}
