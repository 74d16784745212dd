package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Primary keys and triggers are kept in the catalog and work again after a reopen. */
@Timeout(120)
class PersistentConstraintsTest {
  @TempDir
  Path dir;

  @Test
  void primaryKeyAndTriggerSurviveReopen() throws SQLException {
    String url = "jdbc:velaria:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR)");
      s.execute("CREATE TABLE log (id INT, name VARCHAR)");
      s.execute("CREATE TRIGGER item_log AFTER INSERT ON item "
          + "BEGIN INSERT INTO log VALUES (NEW.id, UPPER(NEW.name)); END");
      s.execute("INSERT INTO item VALUES (1, 'a')");
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      SQLException dup = assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO item VALUES (1, 'again')"));
      assertEquals("23505", dup.getSQLState());
      s.execute("INSERT INTO item VALUES (2, 'b')");
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM log ORDER BY id")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
        assertEquals("A", rs.getString(2));
        rs.next();
        assertEquals(2, rs.getInt(1));
        assertEquals("B", rs.getString(2));
        assertEquals(false, rs.next());
      }
      s.execute("DROP TRIGGER item_log");
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO item VALUES (3, 'c')");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM log")) {
        rs.next();
        assertEquals(2, rs.getLong(1));
      }
    }
  }
}
