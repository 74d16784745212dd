package io.velaria.jdbc.limits;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Reads an .xlsx through SQL and prints "rows idSum distinctKeys" (run by ExcelSqlHeapTest in
 * a child JVM with -Xmx256m).
 */
public final class ExcelSqlMain {
  private ExcelSqlMain() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE x USING excel OPTIONS(path: '" + args[0].replace("'", "''")
          + "')");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id), COUNT(DISTINCT k) FROM x")) {
        rs.next();
        System.out.println(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
      }
    }
  }
}
