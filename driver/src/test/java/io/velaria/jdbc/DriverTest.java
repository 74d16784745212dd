package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL forms, settings and the connection methods pools and tools call. */
class DriverTest {
  @Test
  void urlForms() throws SQLException {
    for (String url : new String[] {"jdbc:velaria:", "jdbc:velaria:mem:",
        "jdbc:velaria:mem:named;threads=2", "jdbc:velaria:;memory_limit=256MB"}) {
      try (Connection c = DriverManager.getConnection(url)) {
        assertTrue(c.isValid(1), url);
      }
    }
    Properties p = new Properties();
    p.setProperty("read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:ro", p)) {
      assertTrue(c.isReadOnly());
      SQLException e = assertThrows(SQLException.class, () -> c.setReadOnly(false));
      assertEquals("25006", e.getSQLState());
      assertTrue(c.isValid(1), "still usable after an error");
    }
    Driver d = DriverManager.getDriver("jdbc:velaria:mem:x");
    assertTrue(d instanceof VelariaDriver);
    assertNull(d.connect("jdbc:h2:mem:", new Properties()));
    SQLException bad = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:velaria:mem:;oops"));
    assertEquals("08001", bad.getSQLState());
  }

  @Test
  void propertyInfoListsSettings() throws SQLException {
    DriverPropertyInfo[] info = new VelariaDriver().getPropertyInfo("jdbc:velaria:", null);
    assertTrue(info.length >= 5);
    for (DriverPropertyInfo i : info) {
      assertNotNull(i.description, i.name);
    }
  }

  @Test
  void poolFacingMethodsNeverSay0A000() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      assertTrue(c.getAutoCommit());
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      c.setReadOnly(false);
      assertFalse(c.isReadOnly());
      assertEquals("velaria", c.getCatalog());
      c.setCatalog("velaria");
      c.setSchema("main");
      assertEquals("main", c.getSchema());
      c.clearWarnings();
      assertNull(c.getWarnings());
      c.setClientInfo("ApplicationName", "test");
      assertEquals("test", c.getClientInfo("ApplicationName"));
      c.setNetworkTimeout(null, 1000);
      c.getTypeMap();
      c.nativeSQL("SELECT 1");
      c.createStatement().setEscapeProcessing(true);
      c.createStatement().setPoolable(true);
      c.createStatement().setFetchSize(500);
      assertTrue(c.isValid(0));
    }
  }
}
