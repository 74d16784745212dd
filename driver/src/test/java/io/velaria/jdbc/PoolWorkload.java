package io.velaria.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A bounded HikariCP workload, shared by the pool test and the fresh-JVM smoke main. */
public final class PoolWorkload {
  private PoolWorkload() {}

  /** Returns the number of successful queries; throws on the first failure. */
  public static int run(String url, int threads, int loops) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(threads);
    config.setConnectionTimeout(10_000);
    config.setPoolName("velaria-test");
    // keep one connection open so the named in-memory database lives while the pool churns
    try (Connection keeper = java.sql.DriverManager.getConnection(url);
         HikariDataSource ds = new HikariDataSource(config)) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE pooled (k INT, v VARCHAR)");
        s.execute("INSERT INTO pooled VALUES (1, 'one'), (2, 'two'), (3, 'three')");
      }
      ExecutorService ex = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(ex.submit(() -> {
            int ok = 0;
            for (int i = 0; i < loops; i++) {
              try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                   ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pooled WHERE k >= 1")) {
                rs.next();
                if (rs.getInt(1) != 3) {
                  throw new AssertionError("expected 3 rows, got " + rs.getInt(1));
                }
                ok++;
              }
            }
            return ok;
          }));
        }
        int total = 0;
        for (Future<Integer> f : futures) {
          total += f.get(60, TimeUnit.SECONDS);
        }
        return total;
      } finally {
        ex.shutdownNow();
        ex.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }
}
