package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Through JDBC into the engine and back; skipped while the engine cannot run SQL. */
@Timeout(120)
class EndToEndTest {
  @BeforeAll
  static void engine() {
    SqlSupport.assumeSql();
  }

  @Test
  void typesRoundTrip() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      c.createStatement().execute("CREATE TABLE t (i INT, b BIGINT, d DECIMAL(10,2), f DOUBLE,"
          + " s VARCHAR(20), ok BOOLEAN, dt DATE, ts TIMESTAMP, bin VARBINARY)");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setInt(1, 7);
        ps.setLong(2, 1L << 40);
        ps.setBigDecimal(3, new BigDecimal("12.34"));
        ps.setDouble(4, 2.5);
        ps.setString(5, "héllo");
        ps.setBoolean(6, true);
        ps.setObject(7, LocalDate.of(2026, 1, 2));
        ps.setTimestamp(8, Timestamp.valueOf("2026-01-02 03:04:05.006"));
        ps.setBytes(9, new byte[] {1, 2, 3});
        assertEquals(1, ps.executeUpdate());
        for (int i = 1; i <= 9; i++) {
          ps.setNull(i, Types.NULL);
        }
        assertEquals(1, ps.executeUpdate());
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM t")) {
        ResultSetMetaData m = rs.getMetaData();
        assertEquals(Types.INTEGER, m.getColumnType(1));
        assertEquals(Types.DECIMAL, m.getColumnType(3));
        assertEquals(10, m.getPrecision(3));
        assertEquals(2, m.getScale(3));
        assertTrue(rs.next());
        assertEquals(7, rs.getInt("i"));
        assertEquals(1L << 40, rs.getObject(2, Long.class));
        assertEquals(new BigDecimal("12.34"), rs.getBigDecimal(3));
        assertEquals(2.5, rs.getDouble(4));
        assertEquals("héllo", rs.getString(5));
        assertTrue(rs.getBoolean(6));
        assertEquals(LocalDate.of(2026, 1, 2), rs.getObject(7, LocalDate.class));
        assertEquals(java.sql.Date.valueOf("2026-01-02"), rs.getDate(7));
        assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000),
            rs.getObject(8, LocalDateTime.class));
        assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(9));
        assertTrue(rs.next());
        for (int i = 1; i <= 9; i++) {
          assertNull(rs.getObject(i));
          assertTrue(rs.wasNull());
        }
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void vectorRoundTrip() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      c.createStatement().execute("CREATE TABLE v (e VECTOR(3))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO v VALUES (?)")) {
        ps.setObject(1, new float[] {1f, 2f, 3f});
        assertEquals(1, ps.executeUpdate());
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT e FROM v")) {
        assertEquals(Types.ARRAY, rs.getMetaData().getColumnType(1));
        assertTrue(rs.next());
        assertArrayEquals(new float[] {1f, 2f, 3f}, (float[]) rs.getObject(1));
        assertArrayEquals(new Float[] {1f, 2f, 3f}, (Object[]) rs.getArray(1).getArray());
      }
    }
  }

  @Test
  void maxRowsBatchAndErrors() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      Statement s = c.createStatement();
      s.execute("CREATE TABLE n (x INT)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO n VALUES (?)")) {
        for (int i = 0; i < 100; i++) {
          ps.setInt(1, i);
          ps.addBatch();
        }
        assertEquals(100, ps.executeBatch().length);
      }
      s.setMaxRows(7);
      int rows = 0;
      try (ResultSet rs = s.executeQuery("SELECT x FROM n")) {
        while (rs.next()) {
          rows++;
        }
      }
      assertEquals(7, rows);
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELEC 1"));
      assertTrue(e.getSQLState().startsWith("42"), e.getSQLState());
      SQLException missing = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT * FROM no_such_table"));
      assertEquals("42P01", missing.getSQLState());
      s.setMaxRows(0);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM n")) {
        assertTrue(rs.next());
        assertEquals(100, rs.getLong(1));
      }
      assertTrue(c.isValid(1));
    }
  }

  /** A big cross join runs until cancelled from another thread, or until its timeout. */
  @Test
  void cancelAndTimeout() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      Statement setup = c.createStatement();
      setup.execute("CREATE TABLE big (x INT)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO big VALUES (?)")) {
        for (int i = 0; i < 3000; i++) {
          ps.setInt(1, i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      String slow = "SELECT COUNT(*) FROM big a, big b, big c WHERE a.x + b.x + c.x = -1";
      Statement s = c.createStatement();
      ExecutorService ex = Executors.newSingleThreadExecutor();
      try {
        Future<?> canceller = ex.submit(() -> {
          Thread.sleep(500);
          s.cancel();
          return null;
        });
        SQLException e = assertThrows(SQLException.class, () -> drain(s.executeQuery(slow)));
        assertEquals("57014", e.getSQLState());
        canceller.get(10, TimeUnit.SECONDS);
      } finally {
        ex.shutdownNow();
      }
      Statement t = c.createStatement();
      t.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> drain(t.executeQuery(slow)));
      assertEquals("57014", e.getSQLState());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM big")) {
        assertTrue(rs.next());
        assertEquals(3000, rs.getInt(1));
      }
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  @Test
  void dbeaverOpensTable() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:dbeaver_e2e")) {
      c.createStatement().execute("CREATE TABLE t (id INT, name VARCHAR)");
      c.createStatement().execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      assertTrue(DbeaverReplay.browse(c) >= 1);
      assertEquals(2, DbeaverReplay.openTable(c, "t"));
    }
  }
}
