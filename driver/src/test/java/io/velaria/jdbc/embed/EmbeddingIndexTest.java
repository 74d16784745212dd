package io.velaria.jdbc.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.embed.HashingEmbeddingProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE EMBEDDING INDEX with the built-in hashing model: contents, versioning, errors. */
class EmbeddingIndexTest {
  private static float[] hash(String text) {
    return new HashingEmbeddingProvider().embed(List.of(text))[0];
  }

  private static void docs(Statement s) throws SQLException {
    s.execute("CREATE TABLE docs (id INT, title VARCHAR, body VARCHAR, n INT)");
    s.execute("INSERT INTO docs VALUES (1, 'Payment timeout', 'The payment page hangs', 7),"
        + " (2, 'Refunds', NULL, NULL)");
  }

  @Test
  void buildsATableOfRowsAndMixedTextEmbeddings() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      docs(s);
      assertEquals(2, s.executeUpdate(
          "CREATE EMBEDDING INDEX docs_emb ON docs(title, body, n) WITH (model = 'hash')"));
      try (ResultSet rs = s.executeQuery(
          "SELECT id, title, body, n, embedding FROM docs_emb ORDER BY id")) {
        assertTrue(rs.next());
        assertEquals("Payment timeout", rs.getString(2));
        // the mixed-text template: "name: value" joined by "; ", NULLs left out
        assertArrayEquals(hash("title: Payment timeout; body: The payment page hangs; n: 7"),
            rs.getObject(5, float[].class));
        assertTrue(rs.next());
        assertArrayEquals(hash("title: Refunds"), rs.getObject(5, float[].class));
        assertFalse(rs.next());
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "DOCS_EMB", "EMBEDDING")) {
        assertTrue(rs.next());
        assertEquals(384, rs.getInt("COLUMN_SIZE"));
      }
    }
  }

  @Test
  void rebuiltOnlyWhenTheSourceChanged(@TempDir Path dir) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + dir);
        Statement s = c.createStatement()) {
      docs(s);
      assertEquals(2, s.executeUpdate(
          "CREATE EMBEDDING INDEX docs_emb ON docs(title, body) WITH (model = 'hash')"));
      // unchanged source, same model and template: nothing to do
      assertEquals(0, s.executeUpdate(
          "CREATE EMBEDDING INDEX docs_emb ON docs(title, body) WITH (model = 'hash')"));
      assertEquals(0, s.executeUpdate("REINDEX docs_emb"));
    }
    // the versions survive a restart
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + dir);
        Statement s = c.createStatement()) {
      assertEquals(0, s.executeUpdate("REINDEX docs_emb"));
      s.execute("INSERT INTO docs VALUES (3, 'Checkout', 'slow', 1)");
      assertEquals(3, s.executeUpdate("REINDEX docs_emb"));
      try (ResultSet rs = s.executeQuery("SELECT embedding FROM docs_emb WHERE id = 3")) {
        assertTrue(rs.next());
        assertArrayEquals(hash("title: Checkout; body: slow"), rs.getObject(1, float[].class));
      }
      // another column list is another build
      assertEquals(3, s.executeUpdate(
          "CREATE EMBEDDING INDEX docs_emb ON docs(title) WITH (model = 'hash')"));
      try (ResultSet rs = s.executeQuery("SELECT embedding FROM docs_emb WHERE id = 3")) {
        assertTrue(rs.next());
        assertArrayEquals(hash("title: Checkout"), rs.getObject(1, float[].class));
      }
      s.execute("DROP INDEX docs_emb");
      assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM docs_emb"));
    }
  }

  @Test
  void badRequestsAreClearErrors() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      docs(s);
      assertError(s, "CREATE EMBEDDING INDEX e ON docs(nope) WITH (model = 'hash')", "42703",
          "column 'nope' does not exist");
      assertError(s, "CREATE EMBEDDING INDEX e ON docs(title) WITH (model = 'x1')", "42704",
          "unknown embedding model 'x1'");
      assertError(s, "CREATE EMBEDDING INDEX e ON docs(title) WITH (model = 'hash',"
          + " template = 'v9')", "42000", "unknown template 'v9'");
      assertError(s, "CREATE EMBEDDING INDEX e ON docs(title) WITH (size = 3)", "42000",
          "unknown option 'size'");
      assertError(s, "CREATE EMBEDDING INDEX docs ON docs(title) WITH (model = 'hash')",
          "42P07", "already exists");
      // no model named and the MiniLM module absent from this class path
      assertError(s, "CREATE EMBEDDING INDEX e ON docs(title)", "42704", "velaria-embeddings");
    }
  }

  @Test
  void createTableAsRecordsTheModelOfEmbedColumns() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      docs(s);
      s.execute("CREATE TABLE e AS SELECT id, EMBED(title, 'hash') AS v FROM docs");
      // re-running an embedding index over it is refused: e is not an index table
      assertError(s, "CREATE EMBEDDING INDEX e ON docs(title) WITH (model = 'hash')", "42P07",
          "already exists");
    }
  }

  private static void assertError(Statement s, String sql, String state, String text) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
