package io.velaria.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Remote (Avatica PROTOBUF over loopback) vs embedded: p50/p99 latency and throughput of a
 * prepared point query, a small scan, an aggregation and a 100,000-row result, with 1 and 4
 * client threads (each on its own connection). Runs only with VELARIA_BENCH=1:
 * {@code VELARIA_BENCH=1 mvn -q -o -pl server -am test -Dtest=ServerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ServerBenchmark {
  @Test
  void remoteVersusEmbedded() throws Exception {
    assumeTrue(System.getenv("VELARIA_BENCH") != null, "set VELARIA_BENCH=1 to run");
    ServerConfig config = ServerFixture.config("mem:bench", null);
    try (ServerFixture f = new ServerFixture(config);
         Connection embedded = DriverManager.getConnection("jdbc:velaria:mem:bench")) {
      try (Statement st = embedded.createStatement()) {
        st.execute("CREATE TABLE big (id BIGINT, grp INT, val DOUBLE, label VARCHAR)");
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
          v.append(i == 0 ? "" : ",").append('(').append(i).append(',').append(i % 10)
              .append(',').append(i * 0.25).append(",'label-").append(i % 37).append("')");
        }
        st.execute("CREATE TABLE k (x INT)");
        st.execute("INSERT INTO k VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
        st.execute("CREATE TABLE base (id BIGINT, grp INT, val DOUBLE, label VARCHAR)");
        st.execute("INSERT INTO base VALUES " + v);
        // 1,000 x 10 x 10 = 100,000 rows
        st.execute("INSERT INTO big SELECT b.id * 100 + k1.x * 10 + k2.x, b.grp, b.val,"
            + " b.label FROM base b, k k1, k k2");
      }
      Query[] queries = {
        new Query("point query (prepared, by id)",
            "SELECT id, grp, val, label FROM big WHERE id = ?", 200, true),
        new Query("small scan (100 rows)",
            "SELECT id, val, label FROM base WHERE grp = 3", 200, false),
        new Query("aggregation over 100,000 rows",
            "SELECT grp, COUNT(*), SUM(val), MAX(label) FROM big GROUP BY grp", 20, false),
        new Query("100,000-row result", "SELECT id, grp, val, label FROM big", 4, false),
      };
      System.out.println("| query | client | threads | p50 ms | p99 ms | queries/s | rows/s |");
      System.out.println("|---|---|---:|---:|---:|---:|---:|");
      for (int round = 0; round < 2; round++) { // first round warms up
        boolean print = round == 1;
        for (Query q : queries) {
          for (int threads : new int[] {1, 4}) {
            runThreads(q, "embedded", threads, () -> DriverManager.getConnection(
                "jdbc:velaria:mem:bench"), print);
            try {
              runThreads(q, "remote", threads, () -> f.connect("PROTOBUF"), print);
            } catch (Exception e) {
              System.err.println("server log:\n" + f.log);
              throw e;
            }
          }
        }
      }
    }
  }

  private record Query(String name, String sql, int perThread, boolean pointLookup) {}

  private interface Connector {
    Connection open() throws Exception;
  }

  /** {@code threads} clients, each on its own connection, run the query perThread times. */
  private static void runThreads(Query q, String client, int threads, Connector connector,
      boolean print) throws Exception {
    List<Connection> conns = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      conns.add(connector.open());
    }
    long[][] times = new long[threads][];
    long[] rows = new long[threads];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        fs.add(pool.submit(() -> {
          times[id] = new long[q.perThread()];
          rows[id] = runOne(conns.get(id), q, times[id], id);
          return null;
        }));
      }
      for (Future<?> fut : fs) {
        fut.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
      for (Connection c : conns) {
        c.close();
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    long[] all = Arrays.stream(times).flatMapToLong(Arrays::stream).sorted().toArray();
    long totalRows = Arrays.stream(rows).sum();
    int n = all.length;
    if (print) {
      System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.1f | %,.0f |%n", q.name(),
          client, threads, all[n / 2] / 1e6, all[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)]
              / 1e6, n / secs, totalRows / secs);
    }
  }

  private static long runOne(Connection c, Query q, long[] t, int seed) throws Exception {
    long rows = 0;
    java.util.Random random = new java.util.Random(seed);
    if (q.pointLookup()) {
      try (java.sql.PreparedStatement ps = c.prepareStatement(q.sql())) {
        for (int i = 0; i < t.length; i++) {
          long s = System.nanoTime();
          ps.setLong(1, random.nextInt(100_000));
          try (ResultSet rs = ps.executeQuery()) {
            rows += drain(rs);
          }
          t[i] = System.nanoTime() - s;
        }
      }
      return rows;
    }
    for (int i = 0; i < t.length; i++) {
      long s = System.nanoTime();
      try (Statement st = c.createStatement()) {
        st.setFetchSize(10_000);
        try (ResultSet rs = st.executeQuery(q.sql())) {
          rows += drain(rs);
        }
      }
      t[i] = System.nanoTime() - s;
    }
    return rows;
  }

  private static long drain(ResultSet rs) throws Exception {
    long n = 0;
    int cols = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      for (int i = 1; i <= cols; i++) {
        rs.getObject(i);
      }
      n++;
    }
    return n;
  }
}
