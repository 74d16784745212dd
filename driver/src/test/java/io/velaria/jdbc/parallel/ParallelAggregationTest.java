package io.velaria.jdbc.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Aggregations split across threads (threads=2) give the same answers as computed here in
 * plain Java, for grouped and global aggregates, with filters and expressions in between.
 */
class ParallelAggregationTest {
  private static final String DIGITS = "(VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)";
  private static final int N = 200_000;

  @Test
  void splitAggregationsMatchPlainJava() throws SQLException {
    try (Connection setup = DriverManager.getConnection("jdbc:velaria:mem:par");
        Statement st = setup.createStatement();
        Connection c = DriverManager.getConnection("jdbc:velaria:mem:par;threads=2");
        Statement s = c.createStatement()) {
      st.execute("CREATE TABLE nums AS SELECT a.x + 10 * b.x + 100 * c.x + 1000 * d.x"
          + " + 10000 * e.x + 100000 * f.x AS id FROM " + DIGITS + " AS a(x), " + DIGITS
          + " AS b(x), " + DIGITS + " AS c(x), " + DIGITS + " AS d(x), " + DIGITS
          + " AS e(x), (VALUES 0, 1) AS f(x)");
      st.execute("CREATE TABLE t AS SELECT id, MOD(id, 7) AS g, CAST(id AS DECIMAL(12,2)) / 4"
          + " AS d FROM nums");
      try (ResultSet rs = s.executeQuery("EXPLAIN SELECT g, COUNT(*) FROM t GROUP BY g")) {
        assertTrue(rs.next());
      }
      TreeMap<Long, long[]> expected = new TreeMap<>();
      for (long id = 0; id < N; id++) {
        if (id % 3 == 0) {
          continue;
        }
        long[] e = expected.computeIfAbsent(id % 7, k -> new long[] {0, 0, Long.MAX_VALUE, -1});
        e[0]++;
        e[1] += id;
        e[2] = Math.min(e[2], id);
        e[3] = Math.max(e[3], id);
      }
      try (ResultSet rs = s.executeQuery("SELECT g, COUNT(*), SUM(id), MIN(id), MAX(id),"
          + " AVG(id) FROM t WHERE MOD(id, 3) <> 0 GROUP BY g ORDER BY g")) {
        for (var entry : expected.entrySet()) {
          assertTrue(rs.next());
          long[] e = entry.getValue();
          assertEquals(entry.getKey(), rs.getLong(1));
          assertEquals(e[0], rs.getLong(2));
          assertEquals(e[1], rs.getLong(3));
          assertEquals(e[2], rs.getLong(4));
          assertEquals(e[3], rs.getLong(5));
          assertEquals(e[1] / (double) e[0], rs.getDouble(6), 1e-9);
        }
        assertFalse(rs.next());
      }
      try (ResultSet rs = s.executeQuery(
          "SELECT COUNT(*), SUM(d), COUNT(d) FROM t WHERE id >= 1000")) {
        assertTrue(rs.next());
        assertEquals(N - 1000, rs.getLong(1));
        long quarters = 0;
        for (long id = 1000; id < N; id++) {
          quarters += id;
        }
        assertEquals(new java.math.BigDecimal(quarters).divide(java.math.BigDecimal.valueOf(4))
            .setScale(2), rs.getBigDecimal(2).setScale(2));
        assertEquals(N - 1000, rs.getLong(3));
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id), AVG(id) FROM t WHERE id < 0")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
        rs.getLong(2);
        assertTrue(rs.wasNull());
        rs.getDouble(3);
        assertTrue(rs.wasNull());
      }
    }
  }
}
