package io.velaria.jdbc.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A query over memory_limit fails with 53200 and the connection stays usable. */
class MemoryLimitTest {
  private static final String DIGITS = "(VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)";

  @Test
  void groupByOverTheLimitFailsCleanly() throws SQLException {
    try (Connection setup = DriverManager.getConnection("jdbc:velaria:mem:limits");
        Statement st = setup.createStatement();
        Connection c = DriverManager.getConnection("jdbc:velaria:mem:limits;memory_limit=2MB");
        Statement s = c.createStatement()) {
      st.execute("CREATE TABLE big AS SELECT a.x + 10 * b.x + 100 * c.x + 1000 * d.x"
          + " + 10000 * e.x AS id, 'name-' || CAST(a.x AS VARCHAR) AS label FROM "
          + DIGITS + " AS a(x), " + DIGITS + " AS b(x), " + DIGITS + " AS c(x), " + DIGITS
          + " AS d(x), " + DIGITS + " AS e(x)");
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery(
            "SELECT id, label, COUNT(*) FROM big GROUP BY id, label")) {
          while (rs.next()) {
            // read everything
          }
        }
      });
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id) FROM big")) {
        assertTrue(rs.next());
        assertEquals(100_000, rs.getLong(1));
        assertEquals(99_999L * 100_000 / 2, rs.getLong(2));
      }
    }
  }
}
