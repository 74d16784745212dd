package io.velaria.jdbc.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * START/STOP STREAM, progress in velaria.streams, resuming a persistent database's stream,
 * EXPLAIN sections, and malformed input (fail with file and line, or skip into a rejects file).
 */
class StreamLifecycleTest {
  @TempDir
  Path dir;

  private static void put(Path dirPath, String name, String content) throws Exception {
    Files.createDirectories(dirPath);
    Path tmp = dirPath.resolve("." + name + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, dirPath.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Polls velaria.streams (bounded) until the stream has taken {@code rowsIn} rows. */
  private static Map<String, String> awaitRowsIn(Statement s, String name, long rowsIn)
      throws Exception {
    Map<String, String> row = null;
    for (int i = 0; i < 1200; i++) {
      row = progress(s, name);
      if (row != null && (Long.parseLong(row.get("rows_in")) >= rowsIn
          || "failed".equals(row.get("status")))) {
        return row;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("stream " + name + " did not reach " + rowsIn + " rows: " + row);
  }

  private static Map<String, String> progress(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT * FROM velaria.streams WHERE name = '" + name
        + "'")) {
      if (!rs.next()) {
        return null;
      }
      Map<String, String> m = new TreeMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        m.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getString(i));
      }
      return m;
    }
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file);
  }

  @Test
  void backgroundStreamProgressStopAndResume() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out.csv");
    Path db = dir.resolve("db");
    put(in, "a.csv", "ts,key,v\n1767261600000,x,5\n1767261610000,y,1\n");
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE src (ts BIGINT, key VARCHAR, v INT) USING csv"
          + " OPTIONS(path: '" + in + "')");
      s.execute("CREATE SINK TABLE totals (w VARCHAR, key VARCHAR, total BIGINT) USING csv"
          + " OPTIONS(path: '" + out + "')");
      s.execute("START STREAM agg WITH (trigger_interval_ms = 20, max_files_per_batch = 1) AS"
          + " INSERT INTO totals SELECT w, key, SUM(v) FROM src WINDOW BY ts EVERY 60000 AS w"
          + " GROUP BY w, key");
      SQLException twice = assertThrows(SQLException.class, () -> s.execute(
          "START STREAM agg AS INSERT INTO totals SELECT w, key, SUM(v) FROM src"
              + " WINDOW BY ts EVERY 60000 AS w GROUP BY w, key"));
      assertTrue(twice.getMessage().contains("already running"), twice.getMessage());
      Map<String, String> p = awaitRowsIn(s, "agg", 2);
      assertEquals("running", p.get("status"));
      assertEquals("true", p.get("has_window"));
      assertEquals("true", p.get("has_stateful_ops"));
      assertEquals("false", p.get("source_is_bounded"));
      assertEquals("exactly-once", p.get("checkpoint_delivery_mode"));
      assertEquals("2", p.get("rows_out"));
      assertTrue(p.get("last_source_offset").startsWith("a.csv"), p.toString());
      assertTrue(p.get("progress_json").contains("\"rows_in\":2"), p.get("progress_json"));
      put(in, "b.csv", "ts,key,v\n1767261620000,x,7\n");
      p = awaitRowsIn(s, "agg", 3);
      assertEquals("2", p.get("batches_processed"));
      s.execute("STOP STREAM agg");
      assertEquals("stopped", progress(s, "agg").get("status"));
    }
    // reopened database, the stream started again: state and offsets carry over
    put(in, "c.csv", "ts,key,v\n1767261630000,x,10\n");
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + db);
        Statement s = c.createStatement()) {
      s.execute("START STREAM agg AS INSERT INTO totals SELECT w, key, SUM(v) FROM src"
          + " WINDOW BY ts EVERY 60000 AS w GROUP BY w, key");
      Map<String, String> p = awaitRowsIn(s, "agg", 4);
      s.execute("STOP STREAM agg");
      assertEquals("1", p.get("batches_processed"), p.toString());
    }
    assertEquals(List.of("w,key,total", "2026-01-01T10:00:00,x,5",
        "2026-01-01T10:00:00,y,1", "2026-01-01T10:00:00,x,12", "2026-01-01T10:00:00,x,22"),
        lines(out));
  }

  @Test
  void explainHasThreeSections() throws Exception {
    Files.createDirectories(dir.resolve("e"));
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE src (ts BIGINT, key VARCHAR, v INT) USING csv"
          + " OPTIONS(path: '" + dir.resolve("e") + "')");
      s.execute("CREATE SINK TABLE k (key VARCHAR, n BIGINT) USING json"
          + " OPTIONS(path: '" + dir.resolve("k/") + "/')");
      List<String> plan = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR INSERT INTO k SELECT key, COUNT(*)"
          + " FROM src WHERE v > 0 GROUP BY key HAVING COUNT(*) > 1")) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      String text = String.join("\n", plan);
      assertEquals("logical:", plan.get(0));
      assertTrue(plan.contains("physical:") && plan.contains("strategy:"), text);
      assertTrue(plan.indexOf("physical:") < plan.indexOf("strategy:"), text);
      assertTrue(text.contains("keyed aggregate state"), text);
      assertTrue(text.contains("one part per micro-batch"), text);
    }
  }

  @Test
  void malformedFileFailsThenContinuesAfterRemoval() throws Exception {
    Path in = dir.resolve("bad");
    Path out = dir.resolve("bad-out.csv");
    put(in, "1.csv", "key,v\na,1\nb,2\n");
    put(in, "2.csv", "key,v\nc,3\nd,oops\n");
    put(in, "3.csv", "key,v\ne,5\n");
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE src (key VARCHAR, v INT) USING csv OPTIONS(path: '" + in
          + "', max_files_per_batch: 1)");
      s.execute("CREATE SINK TABLE k (key VARCHAR, v INT) USING csv OPTIONS(path: '" + out
          + "')");
      String insert = "INSERT INTO k SELECT key, v FROM src";
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(insert));
      assertTrue(e.getMessage().contains("2.csv") && e.getMessage().contains("line 3"),
          e.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT status, error_message, rows_out FROM"
          + " velaria.streams WHERE name LIKE 'insert-k-%'")) {
        assertTrue(rs.next());
        assertEquals("failed", rs.getString(1));
        assertTrue(rs.getString(2).contains("2.csv"), rs.getString(2));
      }
      // what was committed before the bad file stays
      assertEquals(List.of("key,v", "a,1", "b,2"), lines(out));
      Files.delete(in.resolve("2.csv"));
      assertEquals(1, s.executeUpdate(insert));
      assertEquals(List.of("key,v", "a,1", "b,2", "e,5"), lines(out));
    }
  }

  @Test
  void skipModeCountsAndRejectsRows() throws Exception {
    Path in = dir.resolve("skip");
    Path rejects = dir.resolve("rejects.txt");
    put(in, "1.csv", "key,v\na,1\nb,x\nc,3\n");
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE src (key VARCHAR, v INT) USING csv OPTIONS(path: '" + in
          + "', on_error: 'skip', rejects_path: '" + rejects + "')");
      s.execute("CREATE TABLE t (key VARCHAR, v INT)");
      assertEquals(2, s.executeUpdate("INSERT INTO t SELECT key, v FROM src"));
      try (ResultSet rs = s.executeQuery("SELECT key, v FROM t ORDER BY key")) {
        assertTrue(rs.next());
        assertEquals("a", rs.getString(1));
        assertTrue(rs.next());
        assertEquals("c", rs.getString(1));
        assertFalse(rs.next());
      }
      try (ResultSet rs = s.executeQuery("SELECT rows_in, rows_skipped FROM velaria.streams"
          + " WHERE name LIKE 'insert-t-%'")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getLong(1));
        assertEquals(1, rs.getLong(2));
      }
      assertEquals(List.of("1.csv:3\tb,x"), lines(rejects));
    }
  }
}
