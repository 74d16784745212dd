package io.velaria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 remote clients run a fixed number of mixed operations each: no errors, every insert
 * counted, and afterwards no server-side statements, connections, running work or open
 * database files left behind, and the heap back within bounds.
 */
@Timeout(150)
class LoadTest {
  static final int CLIENTS = 64;
  static final int OPS = 6; // each client runs every kind of operation once

  @TempDir
  Path tmp;

  @Test
  void sixtyFourConcurrentClients() throws Exception {
    Path db = tmp.resolve("db");
    ServerConfig config = ServerFixture.config(db.toString(), null);
    config.maxConnections = 100;
    try (ServerFixture f = new ServerFixture(config)) {
      try (Connection c = f.connect("PROTOBUF"); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE facts (id INT, grp INT, val DOUBLE, label VARCHAR)");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
          values.append(i == 0 ? "" : ",").append('(').append(i).append(',').append(i % 17)
              .append(',').append(i * 0.5).append(",'l").append(i % 5).append("')");
        }
        st.execute("INSERT INTO facts VALUES " + values);
        st.execute("CREATE TABLE events (client INT, seq INT)");
      }
      long fdsBefore = dbFiles(db);
      Runtime rt = Runtime.getRuntime();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      CountDownLatch go = new CountDownLatch(1);
      AtomicLong inserts = new AtomicLong();
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        final int client = c;
        futures.add(pool.submit(() -> {
          go.await();
          try (Connection conn = f.connect("PROTOBUF")) {
            for (int op = 0; op < OPS; op++) {
              runOp(conn, client, op, inserts);
            }
          } catch (Throwable t) {
            errors.add(t);
          }
          return null;
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> fu : futures) {
        fu.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      double secs = (System.nanoTime() - start) / 1e9;
      if (!errors.isEmpty()) {
        throw new AssertionError(errors.size() + " client error(s), first: " + errors.get(0),
            errors.get(0));
      }
      try (Connection c = f.connect("PROTOBUF"); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
        assertTrue(rs.next());
        assertEquals(inserts.get(), rs.getLong(1));
      }
      System.out.printf("load: %d clients x %d ops in %.1f s (%.0f ops/s)%n", CLIENTS, OPS, secs,
          CLIENTS * OPS / secs);
      // nothing left behind on the server
      assertEquals(0, f.meta().runningStatementCount());
      assertEquals(0, f.meta().openStatementCount(), "leaked server-side statements");
      assertEquals(0, f.meta().openConnectionCount(), "leaked server-side connections");
      assertEquals(0, f.server.inFlightRequests());
      assertTrue(dbFiles(db) <= fdsBefore, "open database files grew from " + fdsBefore
          + " to " + dbFiles(db));
      System.gc();
      long used = rt.totalMemory() - rt.freeMemory();
      assertTrue(used < 512L << 20, "heap after the load: " + (used >> 20) + " MiB");
    }
  }

  private static void runOp(Connection conn, int client, int op, AtomicLong inserts)
      throws SQLException {
    switch ((client + op) % 6) {
      case 0:
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(val) FROM facts WHERE grp = "
                 + (client % 17))) {
          rs.next();
          assertTrue(rs.getLong(1) > 0);
        }
        break;
      case 1:
        try (PreparedStatement ps = conn.prepareStatement(
            "SELECT id, label FROM facts WHERE id BETWEEN ? AND ? ORDER BY id")) {
          ps.setInt(1, client * 10);
          ps.setInt(2, client * 10 + 9);
          int n = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              n++;
            }
          }
          assertEquals(10, n);
        }
        break;
      case 2:
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT label, grp, COUNT(*), AVG(val) FROM facts"
                 + " GROUP BY label, grp ORDER BY label, grp")) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          assertEquals(85, n);
        }
        break;
      case 3:
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
          ps.setInt(1, client);
          ps.setInt(2, op);
          assertEquals(1, ps.executeUpdate());
          inserts.incrementAndGet();
        }
        break;
      case 4:
        DatabaseMetaData md = conn.getMetaData();
        int tables = 0;
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            tables++;
          }
        }
        assertTrue(tables >= 2);
        try (ResultSet rs = md.getColumns(null, null, "facts", "%")) {
          rs.next();
        }
        break;
      default:
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM facts ORDER BY val DESC")) {
          int n = 0;
          while (rs.next()) { // several frames: fetch round trips
            n++;
          }
          assertEquals(2000, n);
        }
    }
  }

  /** Open file descriptors of this JVM pointing into the database directory. */
  static long dbFiles(Path db) throws IOException {
    Path fd = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fd)) {
      return 0;
    }
    String dir = db.toRealPath().toString();
    long n = 0;
    try (var s = Files.list(fd)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        try {
          if (Files.readSymbolicLink(p).toString().startsWith(dir)) {
            n++;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return n;
  }
}
