package io.velaria.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Remote (Avatica PROTOBUF over loopback) vs embedded: latency of a small query and time to
 * read a 100,000-row result. Runs only with VELARIA_BENCH=1:
 * {@code VELARIA_BENCH=1 mvn -q -o -pl server -am test -Dtest=ServerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ServerBenchmark {
  @Test
  void remoteVersusEmbedded() throws Exception {
    assumeTrue(System.getenv("VELARIA_BENCH") != null, "set VELARIA_BENCH=1 to run");
    ServerConfig config = ServerFixture.config("mem:bench", null);
    try (ServerFixture f = new ServerFixture(config);
         Connection embedded = DriverManager.getConnection("jdbc:velaria:mem:bench");
         Connection remote = f.connect("PROTOBUF")) {
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
      String small = "SELECT grp, COUNT(*) FROM base WHERE grp = 3 GROUP BY grp";
      String large = "SELECT id, grp, val, label FROM big";
      System.out.println("| query | client | p50 ms | p99 ms | queries/s | rows/s |");
      System.out.println("|---|---|---|---|---|---|");
      for (int round = 0; round < 2; round++) { // first round warms up
        boolean print = round == 1;
        run("small query", "embedded", embedded, small, 200, print);
        run("small query", "remote", remote, small, 200, print);
        run("100,000 rows", "embedded", embedded, large, 5, print);
        run("100,000 rows", "remote", remote, large, 5, print);
      }
    }
  }

  private static void run(String name, String client, Connection c, String sql, int n,
      boolean print) throws Exception {
    long[] t = new long[n];
    long rows = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      try (Statement st = c.createStatement()) {
        st.setFetchSize(10_000);
        try (ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) {
            rs.getObject(1);
            rows++;
          }
        }
      }
      t[i] = System.nanoTime() - s;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    Arrays.sort(t);
    if (print) {
      System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %,.0f |%n", name, client,
          t[n / 2] / 1e6, t[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, n / secs,
          rows / secs);
    }
  }
}
