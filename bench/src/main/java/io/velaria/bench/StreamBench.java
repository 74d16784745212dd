package io.velaria.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Stream throughput and end-to-end latency of Velaria's stream runtime for a stateless query,
 * a tumbling-window aggregate and a sliding-window aggregate over a directory of CSV files.
 *
 * <p>Throughput: {@code --files} files of {@code --rows} rows are processed by one stream
 * INSERT (micro-batches of 4 files) into a CSV directory sink; rows in per second of wall time,
 * median of {@code --runs}. Latency: a background stream (trigger 5 ms, one file per
 * micro-batch) gets files of 1000 rows one at a time; the time from the file's rename into the
 * source directory until velaria.streams counts its rows (sink output and checkpoint committed),
 * median over the files.
 *
 * <p>Usage: {@code StreamBench [--files 20] [--rows 50000] [--runs 3] [--latency-files 15]}
 */
public final class StreamBench {
  private static final String[][] QUERIES = {
      {"stateless", "(id BIGINT, key VARCHAR, v INT)",
          "SELECT id, key, v FROM src WHERE v % 2 = 0"},
      {"tumbling", "(w VARCHAR, key VARCHAR, n BIGINT, total BIGINT)",
          "SELECT w, key, COUNT(*), SUM(v) FROM src WINDOW BY ts EVERY 60000 AS w GROUP BY w, key"},
      {"sliding", "(w VARCHAR, key VARCHAR, n BIGINT, total BIGINT)",
          "SELECT w, key, COUNT(*), SUM(v) FROM src WINDOW BY ts EVERY 60000 SLIDE 20000 AS w"
              + " GROUP BY w, key"},
  };

  private StreamBench() {}

  public static void main(String[] args) throws Exception {
    int files = 20;
    int rows = 50_000;
    int runs = 3;
    int latencyFiles = 15;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--files": files = Integer.parseInt(args[i + 1]); break;
        case "--rows": rows = Integer.parseInt(args[i + 1]); break;
        case "--runs": runs = Integer.parseInt(args[i + 1]); break;
        case "--latency-files": latencyFiles = Integer.parseInt(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root = Files.createTempDirectory("velaria-streambench");
    Path in = Files.createDirectories(root.resolve("in"));
    for (int f = 0; f < files; f++) {
      writeFile(in, "f" + String.format("%05d", f), f * (long) rows, rows);
    }
    long total = (long) files * rows;
    System.out.println("| query | throughput (rows/s, median of " + runs + ") | end-to-end"
        + " latency per 1000-row file (ms, median) |");
    System.out.println("|---|---:|---:|");
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE src (id BIGINT, key VARCHAR, v INT, ts BIGINT) USING csv"
          + " OPTIONS(path: '" + in + "', max_files_per_batch: 4)");
      int sinkNo = 0;
      for (String[] q : QUERIES) {
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r <= runs; r++) {
          String sink = "k" + sinkNo++;
          s.execute("CREATE SINK TABLE " + sink + " " + q[1] + " USING csv OPTIONS(path: '"
              + root.resolve(sink) + "/')");
          long t0 = System.nanoTime();
          s.executeUpdate("INSERT INTO " + sink + " " + q[2]);
          double secs = (System.nanoTime() - t0) / 1e9;
          if (r > 0) { // run 0 warms up
            rates.add(total / secs);
          }
        }
        double latency = latency(s, root, q, sinkNo++, latencyFiles);
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.0f |%n", q[0], median(rates), latency);
      }
    }
  }

  private static double latency(Statement s, Path root, String[] q, int sinkNo, int n)
      throws Exception {
    Path in = Files.createDirectories(root.resolve("lat" + sinkNo));
    String src = "lsrc" + sinkNo;
    String sink = "lk" + sinkNo;
    s.execute("CREATE SOURCE TABLE " + src + " (id BIGINT, key VARCHAR, v INT, ts BIGINT) USING"
        + " csv OPTIONS(path: '" + in + "')");
    s.execute("CREATE SINK TABLE " + sink + " " + q[1] + " USING csv OPTIONS(path: '"
        + root.resolve(sink) + "/')");
    String name = "lat" + sinkNo;
    s.execute("START STREAM " + name + " WITH (trigger_interval_ms = 5, max_files_per_batch = 1)"
        + " AS INSERT INTO " + sink + " " + q[2].replace("FROM src", "FROM " + src));
    List<Double> ms = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      long t0 = System.nanoTime();
      writeFile(in, "l" + String.format("%05d", f), f * 1000L, 1000);
      long want = (f + 1) * 1000L;
      for (int spin = 0; spin < 200_000; spin++) {
        if (rowsIn(s, name) >= want) {
          break;
        }
        Thread.sleep(1);
      }
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    s.execute("STOP STREAM " + name);
    return median(ms.subList(Math.min(2, ms.size() - 1), ms.size())); // first files warm up
  }

  private static long rowsIn(Statement s, String name) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT rows_in FROM velaria.streams WHERE name = '"
        + name + "'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void writeFile(Path dir, String name, long firstId, int rows) throws Exception {
    StringBuilder sb = new StringBuilder(rows * 40).append("id,key,v,ts\n");
    for (long id = firstId; id < firstId + rows; id++) {
      sb.append(id).append(",k").append(id % 100).append(',').append(id % 1000).append(',')
          .append(1_767_261_600_000L + id * 10).append('\n');
    }
    Path tmp = dir.resolve("." + name + ".tmp");
    Files.writeString(tmp, sb);
    Files.move(tmp, dir.resolve(name + ".csv"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.size() % 2 == 1 ? s.get(s.size() / 2)
        : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }
}
