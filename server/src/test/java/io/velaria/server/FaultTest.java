package io.velaria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A client killed mid-query, idle connections, and a server killed mid-workload. */
@Timeout(150)
class FaultTest {
  @TempDir
  Path tmp;

  static void waitFor(String what, long seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  static ProcessBuilder java(String mainClass, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  @Test
  void killedClientLeavesNoRunningWork() throws Exception {
    ServerConfig config = ServerFixture.config("mem:fault-kill", null);
    config.idleTimeoutSeconds = 2;
    config.statementTimeoutSeconds = 120;
    try (ServerFixture f = new ServerFixture(config)) {
      try (Connection c = f.connect("PROTOBUF"); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE n (x INT)");
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
          v.append(i == 0 ? "" : ",").append('(').append(i).append(')');
        }
        st.execute("INSERT INTO n VALUES " + v);
      }
      // a billion-row cross join: minutes of work unless it is cancelled
      String slow = "SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x >= 0";
      Process client = java(SlowClient.class.getName(), f.url("PROTOBUF"), slow).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
            StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("connected", line);
        waitFor("the query to run on the server", 30,
            () -> f.meta().runningStatementCount() == 1);
        Thread.sleep(300);
        assertEquals(1, f.meta().runningStatementCount(), "still running before the kill");
        client.destroyForcibly(); // SIGKILL: no goodbye from the client
        assertTrue(client.waitFor(10, TimeUnit.SECONDS));
        waitFor("the server to stop the orphaned query", 15,
            () -> f.meta().runningStatementCount() == 0);
        assertTrue(f.meta().cancelledForDisconnectCount() >= 1,
            "the query was cancelled, not finished");
        // the dead client's connection and statement are closed after idle_timeout
        waitFor("the idle connection to be closed", 20,
            () -> f.meta().openConnectionCount() == 0 && f.meta().openStatementCount() == 0);
        assertEquals(0, f.server.inFlightRequests());
      } finally {
        client.destroyForcibly();
      }
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    ServerConfig config = ServerFixture.config("mem:fault-idle", null);
    config.idleTimeoutSeconds = 1;
    try (ServerFixture f = new ServerFixture(config)) {
      Connection c = f.connect("PROTOBUF");
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
        rs.next();
      }
      assertEquals(1, f.meta().openConnectionCount());
      waitFor("the idle connection to be closed", 15,
          () -> f.meta().openConnectionCount() == 0);
      // the client learns on its next call that the server closed the connection
      org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> c.createStatement().executeQuery("SELECT 1").next());
      try {
        c.close();
      } catch (SQLException ignored) {
        // the server no longer knows it
      }
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static Process startServerProcess(Path db, int port) throws Exception {
    Process p = java(Cli.class.getName(), "server", "--db", db.toString(), "--port",
        Integer.toString(port)).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("jdbc:avatica:remote:")) {
        // keep draining so the child never blocks on a full pipe
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // discard
            }
          } catch (java.io.IOException e) {
            // process gone
          }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    p.destroyForcibly();
    throw new AssertionError("server process did not start: " + line);
  }

  @Test
  void serverKilledMidWorkloadLosesNoCommittedData() throws Exception {
    Path db = tmp.resolve("db");
    int port = freePort();
    String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + port + ";serialization=PROTOBUF";
    Process server = startServerProcess(db, port);
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    try {
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE acks (id BIGINT, payload VARCHAR)");
      }
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        final long base = w * 1_000_000L;
        Thread t = new Thread(() -> {
          try (Connection c = DriverManager.getConnection(url);
               PreparedStatement ps = c.prepareStatement("INSERT INTO acks VALUES (?, ?)")) {
            for (long i = 0; i < 100_000 && !stop.get(); i++) {
              ps.setLong(1, base + i);
              ps.setString(2, "row " + i);
              ps.executeUpdate(); // returned: committed (auto-commit)
              acknowledged.add(base + i);
            }
          } catch (Exception | AssertionError e) {
            // the server died under us: expected
          }
        });
        t.setDaemon(true);
        t.start();
        writers.add(t);
      }
      waitFor("some committed rows", 60, () -> acknowledged.size() >= 200);
      server.destroyForcibly(); // kill -9 mid-workload
      assertTrue(server.waitFor(20, TimeUnit.SECONDS));
      stop.set(true);
      for (Thread t : writers) {
        t.join(TimeUnit.SECONDS.toMillis(60));
      }
      server = startServerProcess(db, port);
      Set<Long> found = new HashSet<>();
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT id FROM acks")) {
        while (rs.next()) {
          found.add(rs.getLong(1));
        }
      }
      Set<Long> lost = new HashSet<>(acknowledged);
      lost.removeAll(found);
      assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size()
          + " committed rows lost after the restart");
      // and the restarted server takes new work
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        assertEquals(1, st.executeUpdate("INSERT INTO acks VALUES (-1, 'after')"));
      }
    } finally {
      server.destroyForcibly();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
