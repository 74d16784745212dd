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
      // through a join: each part probes its own hash table built from shared build rows
      st.execute("CREATE TABLE dims (g BIGINT, w INT)");
      st.execute("INSERT INTO dims VALUES (0, 10), (1, 11), (2, 12), (3, 13), (5, 15)");
      try (ResultSet rs = s.executeQuery("SELECT d.w, COUNT(*), SUM(t.id) FROM t JOIN dims d"
          + " ON t.g = d.g WHERE t.id >= 7 GROUP BY d.w ORDER BY d.w")) {
        for (long g : new long[] {0, 1, 2, 3, 5}) {
          assertTrue(rs.next());
          long count = 0;
          long sum = 0;
          for (long id = 7; id < N; id++) {
            if (id % 7 == g) {
              count++;
              sum += id;
            }
          }
          assertEquals(10 + g, rs.getLong(1));
          assertEquals(count, rs.getLong(2));
          assertEquals(sum, rs.getLong(3));
        }
        assertFalse(rs.next());
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(d.w) FROM t LEFT JOIN dims d"
          + " ON t.g = d.g")) {
        assertTrue(rs.next());
        long matched = 0;
        for (long id = 0; id < N; id++) {
          long g = id % 7;
          if (g <= 3 || g == 5) {
            matched++;
          }
        }
        assertEquals(N, rs.getLong(1));
        assertEquals(matched, rs.getLong(2));
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t WHERE g NOT IN"
          + " (SELECT g FROM dims)")) {
        assertTrue(rs.next());
        long expectedAnti = 0;
        for (long id = 0; id < N; id++) {
          if (id % 7 == 4 || id % 7 == 6) {
            expectedAnti++;
          }
        }
        assertEquals(expectedAnti, rs.getLong(1));
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
