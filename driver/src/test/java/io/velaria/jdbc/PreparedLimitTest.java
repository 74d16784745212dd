package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LIMIT and OFFSET given as parameters of a prepared statement. */
class PreparedLimitTest {
  @Test
  void limitAndOffsetParameters() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE n (x INT)");
      s.execute("INSERT INTO n VALUES (5), (3), (9), (1), (7)");
      try (PreparedStatement p = c.prepareStatement(
          "SELECT x FROM n ORDER BY x LIMIT ? OFFSET ?")) {
        p.setInt(1, 2);
        p.setInt(2, 1);
        assertEquals(List.of(3, 5), ints(p));
        p.setInt(1, 10);
        p.setInt(2, 3);
        assertEquals(List.of(7, 9), ints(p));
      }
      try (PreparedStatement p = c.prepareStatement("SELECT x FROM n LIMIT ?")) {
        p.setInt(1, 3);
        assertEquals(3, ints(p).size());
      }
    }
  }

  private static List<Integer> ints(PreparedStatement p) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }
}
