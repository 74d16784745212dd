package io.velaria.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/** Guards end-to-end tests on the engine being able to run SQL at all. */
final class SqlSupport {
  private SqlSupport() {}

  static boolean engineRunsSql() {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next() && rs.getInt(1) == 1;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  static void assumeSql() {
    Assumptions.assumeTrue(engineRunsSql(), "the engine cannot run SQL yet (SELECT 1 failed)");
  }
}
