package io.velaria.jdbc.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.embed.HashingEmbeddingProvider;
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
 * EMBED() through SQL with the built-in hashing model and a counting test model. The
 * velaria-embeddings module is not on this module's test class path, so the MiniLM model is
 * absent here and asking for it must say which module to add.
 */
class EmbedSqlTest {
  private static final String[] TEXTS = {"payment page times out", "refund queue delayed",
      "checkout hangs while paying"};

  private static Connection docs() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:velaria:");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE docs (id INT, body VARCHAR)");
      s.execute("INSERT INTO docs VALUES (1, '" + TEXTS[0] + "'), (2, '" + TEXTS[1] + "'),"
          + " (3, '" + TEXTS[2] + "'), (4, NULL)");
    }
    return c;
  }

  private static float[] hash(String text) {
    return new HashingEmbeddingProvider().embed(List.of(text))[0];
  }

  @Test
  void selectEmbedsEachRowAndKeepsNulls() throws SQLException {
    try (Connection c = docs(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, EMBED(body, 'hash') FROM docs ORDER BY id")) {
      for (int i = 0; i < 3; i++) {
        assertTrue(rs.next());
        assertEquals(i + 1, rs.getInt(1));
        float[] v = rs.getObject(2, float[].class);
        assertEquals(384, v.length);
        assertArrayEquals(hash(TEXTS[i]), v);
      }
      assertTrue(rs.next());
      assertNull(rs.getObject(2));
    }
  }

  @Test
  void createTableAsAndInsertSelectStoreVectorsOfTheModelDimension() throws SQLException {
    try (Connection c = docs(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE e AS SELECT id, EMBED(body, 'HASH') AS v FROM docs");
      s.execute("CREATE TABLE f (id INT, v VECTOR(384))");
      s.execute("INSERT INTO f SELECT id, EMBED(body, 'hash') FROM docs WHERE id <= 3");
      for (String table : new String[] {"e", "f"}) {
        try (ResultSet rs = s.executeQuery("SELECT id, v FROM " + table + " ORDER BY id")) {
          for (int i = 0; i < 3; i++) {
            assertTrue(rs.next(), table);
            assertArrayEquals(hash(TEXTS[i]), rs.getObject(2, float[].class), table);
          }
        }
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "E", "V")) {
        assertTrue(rs.next());
        assertEquals("VECTOR", rs.getString("TYPE_NAME"));
        assertEquals(384, rs.getInt("COLUMN_SIZE"), "the model's dimension");
      }
    }
  }

  @Test
  void modelCanBeAParameterAndALiteralFolds() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        PreparedStatement p = c.prepareStatement("SELECT EMBED(?, ?)")) {
      p.setString(1, "refund queue delayed");
      p.setString(2, "hash");
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next());
        assertArrayEquals(hash("refund queue delayed"), rs.getObject(1, float[].class));
      }
    }
  }

  @Test
  void oneModelCallPerBatchNotPerRow() throws SQLException {
    int rows = 20_000;
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE d (x INT)");
      s.execute("INSERT INTO d VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      // 20,000 rows: every 7th text NULL
      s.execute("CREATE TABLE t AS SELECT id, CASE WHEN MOD(id, 7) = 0 THEN NULL"
          + " ELSE 'row ' || CAST(id AS VARCHAR) || ' text' END AS body FROM (SELECT"
          + " a.x * 2000 + b.x * 200 + c.x * 20 + e.x * 2 + f.x AS id FROM d a, d b, d c, d e,"
          + " (SELECT x FROM d WHERE x < 2) f) g");
      long calls0 = CountingEmbeddingProvider.CALLS.get();
      long texts0 = CountingEmbeddingProvider.TEXTS.get();
      List<float[]> got = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT id, body, EMBED(body, 'test-count') FROM t ORDER BY id")) {
        while (rs.next()) {
          String body = rs.getString(2);
          float[] v = rs.getObject(3, float[].class);
          if (body == null) {
            assertNull(v);
          } else {
            assertArrayEquals(new float[] {body.length(), 2, 1, 0}, v);
            got.add(v);
          }
        }
      }
      long calls = CountingEmbeddingProvider.CALLS.get() - calls0;
      long texts = CountingEmbeddingProvider.TEXTS.get() - texts0;
      int nonNull = rows - (rows + 6) / 7;
      assertEquals(nonNull, got.size());
      assertEquals(nonNull, texts, "NULL texts are not sent to the model");
      // default batches hold 4096 rows: a handful of calls, never one per row
      assertTrue(calls >= 1 && calls <= 20, "model calls: " + calls);
    }
  }

  @Test
  void missingModuleIsAClearError() throws SQLException {
    try (Connection c = docs(); Statement s = c.createStatement()) {
      for (String sql : new String[] {"SELECT EMBED(body) FROM docs",
          "SELECT EMBED(body, 'all-minilm-l6-v2') FROM docs"}) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql).next(), sql);
        assertEquals("42704", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("velaria-embeddings")
            && e.getMessage().contains("io.velaria:velaria-embeddings"), e.getMessage());
      }
    }
  }

  @Test
  void badModelArgumentsAreClearErrors() throws SQLException {
    try (Connection c = docs(); Statement s = c.createStatement()) {
      SQLException unknown = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT EMBED(body, 'nope') FROM docs").next());
      assertEquals("42704", unknown.getSQLState());
      assertTrue(unknown.getMessage().contains("unknown embedding model 'nope'")
          && unknown.getMessage().contains("hash"), unknown.getMessage());
      SQLException column = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT EMBED(body, body) FROM docs").next());
      assertTrue(column.getMessage().contains("model name"), column.getMessage());
    }
  }
}
