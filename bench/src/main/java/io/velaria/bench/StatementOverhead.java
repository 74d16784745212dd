package io.velaria.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Per-statement overhead of a point query on a 1,000-row table: a PreparedStatement executed
 * again with new parameters (same text: planned once, then served from the session's plan
 * cache) against plain statements whose text differs every time (parsed, validated and planned
 * each time). Prints the mean wall time and CPU time of the calling thread per execution of
 * each, for 3 rounds (the first warms up); on a loaded machine the CPU time is the fair one.
 * {@code java -cp ... io.velaria.bench.StatementOverhead [executions per round, default 2000]}
 */
public final class StatementOverhead {
  private StatementOverhead() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:");
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, grp INT, name VARCHAR)");
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        values.append(i == 0 ? "" : ",").append('(').append(i).append(',').append(i % 10)
            .append(",'n").append(i).append("')");
      }
      s.execute("INSERT INTO t VALUES " + values);
      try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM t WHERE id = ?")) {
        for (int round = 1; round <= 3; round++) {
          java.lang.management.ThreadMXBean mx =
              java.lang.management.ManagementFactory.getThreadMXBean();
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          long rows = 0;
          for (int i = 0; i < n; i++) {
            ps.setInt(1, i % 1000);
            try (ResultSet rs = ps.executeQuery()) {
              rows += drain(rs);
            }
          }
          long t1 = System.nanoTime();
          long c1 = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < n; i++) {
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM t WHERE id = " + i % 1000)) {
              rows += drain(rs);
            }
          }
          long t2 = System.nanoTime();
          long c2 = mx.getCurrentThreadCpuTime();
          if (rows != 2L * n) {
            throw new IllegalStateException("expected one row per query, got " + rows);
          }
          System.out.printf(Locale.ROOT, "round %d (mean of %d): prepared re-execution %.3f ms"
              + " wall, %.3f ms CPU; new statement text %.3f ms wall, %.3f ms CPU%n", round, n,
              (t1 - t0) / 1e6 / n, (c1 - c0) / 1e6 / n, (t2 - t1) / 1e6 / n,
              (c2 - c1) / 1e6 / n);
        }
      }
    }
  }

  private static long drain(ResultSet rs) throws Exception {
    long n = 0;
    while (rs.next()) {
      rs.getString(2);
      n++;
    }
    return n;
  }
}
