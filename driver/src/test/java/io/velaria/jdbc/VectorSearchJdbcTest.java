package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Vectors through JDBC parameters (float[] and java.sql.Array) and search over them. */
class VectorSearchJdbcTest {
  @Test
  void floatArrayAndSqlArrayParametersAreVectors() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      c.createStatement().execute("CREATE TABLE v (id INT, e VECTOR(3))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setObject(2, new float[] {1f, 0f, 0f});
        ps.executeUpdate();
        ps.setInt(1, 2);
        ps.setArray(2, c.createArrayOf("REAL", new Float[] {0f, 1f, 0f}));
        ps.executeUpdate();
        ps.setInt(1, 3);
        ps.setObject(2, new float[] {1f, 0f});
        SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
        assertEquals("42804", e.getSQLState());
        assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
      }
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT id, e, vector_score FROM v HYBRID SEARCH e QUERY '[0 1 0]' METRIC l2")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
        assertArrayEquals(new float[] {0f, 1f, 0f}, (float[]) rs.getObject(2));
        assertEquals(0.0, rs.getDouble(3));
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
        assertEquals(Math.sqrt(2), rs.getDouble(3), 1e-6);
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void distanceFunctionsTakeVectorParameters() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      c.createStatement().execute("CREATE TABLE v (id INT, e VECTOR(2))");
      c.createStatement().execute("INSERT INTO v VALUES (1, '[3 4]')");
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT l2_distance(e, ?), inner_product(e, ?), cosine_distance(e, ?) FROM v")) {
        ps.setObject(1, new float[] {0f, 0f});
        ps.setArray(2, c.createArrayOf("REAL", new Float[] {1f, 1f}));
        ps.setObject(3, new float[] {4f, -3f});
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(5.0, rs.getDouble(1), 1e-9);
          assertEquals(7.0, rs.getDouble(2), 1e-9);
          assertEquals(1.0, rs.getDouble(3), 1e-9); // orthogonal
        }
      }
    }
  }
}
