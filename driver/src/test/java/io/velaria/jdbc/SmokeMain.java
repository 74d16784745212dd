package io.velaria.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a fresh JVM with only the -all jar (plus HikariCP for the pool part) on the class
 * path: connects through DriverManager, browses like DBeaver, creates, inserts, queries, and
 * runs a pool. Exit 0 on success, 3 if only the engine's SQL execution is missing, 1 on failure.
 */
public final class SmokeMain {
  private SmokeMain() {}

  public static void main(String[] args) {
    try {
      try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:smoke")) {
        if (!c.getMetaData().getDatabaseProductName().equals("Velaria")) {
          throw new AssertionError("product name");
        }
        DbeaverReplay.browse(c);
        if (!SqlSupport.engineRunsSql()) {
          System.out.println("SMOKE: driver loads and browses; the engine cannot run SQL yet");
          System.exit(3);
        }
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE t (id INT, name VARCHAR)");
          s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
          try (ResultSet rs = s.executeQuery("SELECT SUM(id) FROM t")) {
            rs.next();
            if (rs.getInt(1) != 3) {
              throw new AssertionError("sum " + rs.getInt(1));
            }
          }
        }
        DbeaverReplay.browse(c);
        DbeaverReplay.openTable(c, "t");
      }
      if (args.length > 0 && args[0].equals("pool")) {
        PoolWorkload.run("jdbc:velaria:mem:smoke_pool", 8, 20);
      }
      System.out.println("SMOKE OK");
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
