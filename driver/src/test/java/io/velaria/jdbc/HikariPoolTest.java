package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HikariCP: 8 threads borrow connections to one named in-memory database and query it. */
@Timeout(120)
class HikariPoolTest {
  @Test
  void eightThreads() throws Exception {
    SqlSupport.assumeSql();
    assertEquals(8 * 50, PoolWorkload.run("jdbc:velaria:mem:hikari_test", 8, 50));
  }

  /** Pool mechanics alone (validation, borrowing, metadata), which need no SQL execution. */
  @Test
  void borrowAndBrowse() throws Exception {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl("jdbc:velaria:mem:hikari_meta");
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(10_000);
    try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(config)) {
      java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        java.util.List<java.util.concurrent.Future<Integer>> fs = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
          fs.add(ex.submit(() -> {
            int n = 0;
            for (int i = 0; i < 25; i++) {
              try (java.sql.Connection c = ds.getConnection();
                   java.sql.ResultSet rs = c.getMetaData().getSchemas()) {
                while (rs.next()) {
                  n++;
                }
              }
            }
            return n;
          }));
        }
        int total = 0;
        for (java.util.concurrent.Future<Integer> f : fs) {
          total += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals(8 * 25 * 2, total);
      } finally {
        ex.shutdownNow();
      }
    }
  }
}
