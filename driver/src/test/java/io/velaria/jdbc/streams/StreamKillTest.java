package io.velaria.jdbc.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across crashes: a child JVM runs three stream INSERTs (stateless into a CSV
 * file, grouped into a CSV directory, windowed into a managed table) over a growing directory
 * of CSV files and is halted like kill -9 at named points (micro-batch read, state merge,
 * half-way through a sink write, after the sink write, between checkpoint write and rename,
 * after the checkpoint, during part publishing, between the pending checkpoint and the managed
 * table's commit, after that commit); between runs new files arrive. Three independent lanes
 * (own database, source and sinks) run their child JVMs in parallel, each until it has been
 * killed 10 times (30 kills in all), with each lane going through every point in a random
 * order and a pass count that the run reaches. Afterwards every sink must hold exactly what
 * the same queries give when run once over all the data.
 */
class StreamKillTest {
  /** A crash point and how often one child run passes it at least (one new file per run). */
  private record Point(String name, int passesPerRun) {}

  private static final List<Point> POINTS = List.of(new Point("batch_read", 3),
      new Point("state_merging", 2), new Point("sink_half_written", 2),
      new Point("sink_prepared", 2), new Point("checkpoint_written", 3),
      new Point("checkpoint_saved", 2), new Point("sink_publishing", 1),
      new Point("checkpoint_pending", 1), new Point("table_committed", 1));
  private static final int LANES = 3;
  private static final int KILLS_PER_LANE = 10;
  private static final int ROWS_PER_FILE = 40;
  private static final long BASE_TS = 1_767_261_600_000L;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void everyRowExactlyOnceAfterRandomKills() throws Exception {
    long seed = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<Integer>> lanes = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        int l = lane;
        lanes.add(pool.submit(() -> lane(l, seed)));
      }
      int kills = 0;
      for (Future<Integer> f : lanes) {
        try {
          kills += f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error) {
            throw (Error) e.getCause();
          }
          throw e;
        }
      }
      assertTrue(kills >= 30, "only " + kills + " kills; seed " + seed);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One lane: kills its child until KILLS_PER_LANE, then a clean run and the checks. */
  private int lane(int lane, long seed) throws Exception {
    Random random = new Random(seed + lane);
    String context = "lane " + lane + ", seed " + seed;
    Path home = Files.createDirectories(dir.resolve("lane" + lane));
    Path db = home.resolve("db");
    Path in = Files.createDirectories(home.resolve("in"));
    Path out = Files.createDirectories(home.resolve("out"));
    int files = 0;
    for (; files < 4; files++) {
      writeFile(in, files);
    }
    List<Point> order = new ArrayList<>();
    int kills = 0;
    int runs = 0;
    while (kills < KILLS_PER_LANE) {
      assertTrue(runs < 4 * KILLS_PER_LANE, "too few crash points were reached: " + kills
          + " kills in " + runs + " runs; " + context);
      if (order.isEmpty()) {
        order.addAll(POINTS);
        Collections.shuffle(order, random);
      }
      Point point = order.remove(order.size() - 1);
      writeFile(in, files++);
      String crash = point.name() + ":" + (1 + random.nextInt(point.passesPerRun()));
      int exit = runChild(home, db, in, out, crash, context);
      if (exit == 77) {
        kills++;
      }
      runs++;
    }
    assertEquals(0, runChild(home, db, in, out, null, context), "final run; " + context);
    verify(db, out, files, context);
    return kills;
  }

  private static int runChild(Path home, Path db, Path in, Path out, String crash,
      String context) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    // a short-lived child: C1 only, serial GC, no bytecode verification of the (trusted)
    // test classpath; these only shorten JVM start-up
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+UnlockDiagnosticVMOptions",
        "-XX:-BytecodeVerificationRemote", "-Xshare:auto"));
    if (crash != null) {
      cmd.add("-Dvelaria.stream.crash=" + crash);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        StreamLoopMain.class.getName(), db.toString(), in.toString() + "/", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    Path log = home.resolve("child.log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("child hung at " + crash + "; " + context);
    }
    int exit = p.exitValue();
    String output = Files.readString(log);
    if (exit == 0 && !output.contains("done")) {
      fail("child exited without finishing: " + output);
    }
    if (exit != 0 && exit != 77) {
      fail("child failed (" + exit + ") at " + crash + ": " + output + "; " + context);
    }
    return exit;
  }

  /** File i: ids i*1000 .. i*1000+39, five keys, times one second apart per id. */
  private static void writeFile(Path in, int i) throws IOException {
    StringBuilder sb = new StringBuilder("id,key,v,ts\n");
    for (int r = 0; r < ROWS_PER_FILE; r++) {
      long id = i * 1000L + r;
      sb.append(id).append(",k").append(id * 7 % 5).append(',').append(id % 97).append(',')
          .append(ts(id)).append('\n');
    }
    Path temp = in.resolve(".f" + i + ".tmp");
    Files.writeString(temp, sb.toString(), StandardCharsets.UTF_8);
    Files.move(temp, in.resolve(String.format("f%04d.csv", i)),
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static long ts(long id) {
    return BASE_TS + (id % 1000) * 4000 + id / 1000 * 7000;
  }

  private static void verify(Path db, Path out, int files, String context) throws Exception {
    // the batch answers, computed here from the generated data
    Set<Long> expectedIds = new HashSet<>();
    Map<String, long[]> perKey = new TreeMap<>();
    Map<String, long[]> perWindow = new TreeMap<>();
    for (int i = 0; i < files; i++) {
      for (int r = 0; r < ROWS_PER_FILE; r++) {
        long id = i * 1000L + r;
        String key = "k" + (id * 7 % 5);
        long v = id % 97;
        if (v % 3 != 0) {
          expectedIds.add(id);
        }
        long[] a = perKey.computeIfAbsent(key, k -> new long[2]);
        a[0]++;
        a[1] += v;
        long t = ts(id);
        for (long s = Math.floorDiv(t, 30000) * 30000; s + 60000 > t; s -= 30000) {
          long[] w = perWindow.computeIfAbsent(window(s) + "|" + key, k -> new long[2]);
          w[0]++;
          w[1] += v;
        }
      }
    }
    // stateless file sink: each id exactly once
    List<String> lines = Files.readAllLines(out.resolve("stateless.csv"));
    assertEquals("id,key,v", lines.get(0), context);
    List<Long> ids = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      ids.add(Long.parseLong(l.split(",")[0]));
    }
    assertEquals(expectedIds.size(), ids.size(), "rows in the file sink; " + context);
    assertEquals(expectedIds, new HashSet<>(ids), context);

    // grouped directory sink: the latest row per key is the batch answer, no row twice
    Map<String, long[]> latest = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    List<Path> parts;
    try (Stream<Path> s = Files.list(out.resolve("grouped"))) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    for (Path part : parts) {
      List<String> rows = Files.readAllLines(part);
      assertEquals("key,n,total", rows.get(0), context);
      for (String l : rows.subList(1, rows.size())) {
        String[] f = l.split(",");
        assertTrue(seen.add(f[0] + "|" + f[1]), "row emitted twice: " + l + "; " + context);
        latest.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    assertEquals(render(perKey), render(latest), "grouped sink; " + context);

    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + db);
        Statement s = c.createStatement()) {
      // the same grouped query as a batch query over the source's files
      Map<String, long[]> batch = new TreeMap<>();
      try (ResultSet rs = s.executeQuery("SELECT key, COUNT(*), SUM(v) FROM src GROUP BY key")) {
        while (rs.next()) {
          batch.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
      assertEquals(render(batch), render(latest), "grouped sink vs batch query; " + context);
      // windowed managed-table sink: per window and key, the row with the highest count is
      // the final one (counts only grow), and no (window, key, count) appears twice
      Map<String, long[]> windows = new HashMap<>();
      Set<String> emitted = new HashSet<>();
      try (ResultSet rs = s.executeQuery("SELECT w, key, n, total FROM s_tab")) {
        while (rs.next()) {
          String k = rs.getString(1) + "|" + rs.getString(2);
          long n = rs.getLong(3);
          assertTrue(emitted.add(k + "|" + n), "window row emitted twice: " + k + " n=" + n
              + "; " + context);
          long[] cur = windows.get(k);
          if (cur == null || n > cur[0]) {
            windows.put(k, new long[] {n, rs.getLong(4)});
          }
        }
      }
      assertEquals(render(perWindow), render(new TreeMap<>(windows)), "windowed sink; "
          + context);
    }
  }

  private static String window(long ms) {
    return java.time.Instant.ofEpochMilli(ms).toString().substring(0, 19);
  }

  private static String render(Map<String, long[]> m) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(m).forEach((k, v) -> sb.append(k).append('=').append(v[0]).append('/')
        .append(v[1]).append('\n'));
    return sb.toString();
  }
}
