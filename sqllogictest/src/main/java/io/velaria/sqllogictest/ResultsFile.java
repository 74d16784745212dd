package io.velaria.sqllogictest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The accumulated result of the full-suite run, one line per test file, kept in the repository
 * ({@code sqllogictest/results/full-run.tsv}) so that a run of many hours can be split over
 * sessions: each finished file replaces its line at once (written to a temporary file, then
 * moved), and {@code SltMain --resume} skips the files already recorded.
 *
 * <p>Columns (tab-separated): file, passed, failed, skipped, seconds, commit, date (UTC), cores.
 */
public final class ResultsFile {
  static final String HEADER = "# file\tpassed\tfailed\tskipped\tseconds\tcommit\tdate\tcores";

  /** One recorded file. */
  public record Row(String file, long passed, long failed, long skipped, double seconds,
      String commit, String date, int cores) {
    String line() {
      return String.join("\t", file, Long.toString(passed), Long.toString(failed),
          Long.toString(skipped), String.format(Locale.ROOT, "%.1f", seconds), commit, date,
          Integer.toString(cores));
    }

    static Row parse(String line) {
      String[] t = line.split("\t");
      if (t.length != 8) {
        throw new IllegalArgumentException("bad results line (8 tab-separated fields): " + line);
      }
      return new Row(t[0], Long.parseLong(t[1]), Long.parseLong(t[2]), Long.parseLong(t[3]),
          Double.parseDouble(t[4]), t[5], t[6], Integer.parseInt(t[7]));
    }
  }

  private final Path path;
  private final Map<String, Row> rows = new TreeMap<>();

  private ResultsFile(Path path) {
    this.path = path;
  }

  /** Reads the file; a missing file is an empty result. */
  public static ResultsFile load(Path path) throws IOException {
    ResultsFile r = new ResultsFile(path);
    if (Files.exists(path)) {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          Row row = Row.parse(line);
          r.rows.put(row.file(), row);
        }
      }
    }
    return r;
  }

  public boolean contains(String file) {
    return rows.containsKey(file);
  }

  public List<Row> rows() {
    return new ArrayList<>(rows.values());
  }

  /** Records (or replaces) one file's result and rewrites the file. */
  public void record(SltRunner.FileResult r, String commit) throws IOException {
    rows.put(r.file(), new Row(r.file(), r.passed(), r.failedCount(), r.skipped(),
        r.millis() / 1000.0, commit, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        Runtime.getRuntime().availableProcessors()));
    write();
  }

  private void write() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Row row : rows.values()) {
      sb.append(row.line()).append('\n');
    }
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "full-run", ".tmp");
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The per-directory table of everything recorded: files recorded of the directory's total,
   * queries passed / failed / skipped, pass rate and summed file times.
   */
  public String directoryTable(List<String> allFiles) {
    Map<String, Integer> totalFiles = new TreeMap<>();
    for (String f : allFiles) {
      totalFiles.merge(SltRunner.directory(f), 1, Integer::sum);
    }
    Map<String, double[]> byDir = new TreeMap<>();
    for (Row row : rows.values()) {
      double[] t = byDir.computeIfAbsent(SltRunner.directory(row.file()), d -> new double[5]);
      t[0] += row.passed();
      t[1] += row.failed();
      t[2] += row.skipped();
      t[3] += row.seconds();
      t[4]++;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("| directory | files run | passed | failed | skipped | pass rate | time |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    double[] sum = new double[5];
    for (Map.Entry<String, double[]> e : byDir.entrySet()) {
      double[] t = e.getValue();
      for (int i = 0; i < 5; i++) {
        sum[i] += t[i];
      }
      sb.append(row(e.getKey(), t, totalFiles.getOrDefault(e.getKey(), 0)));
    }
    sb.append(row("**total**", sum, allFiles.size()));
    return sb.toString();
  }

  private static String row(String name, double[] t, int total) {
    long passed = (long) t[0];
    long failed = (long) t[1];
    double rate = passed + failed == 0 ? 100 : 100.0 * passed / (passed + failed);
    String rateText = rate == 100 || rate < 99.99 ? String.format(Locale.ROOT, "%.2f", rate)
        : String.format(Locale.ROOT, "%.4f", rate);
    return String.format(Locale.ROOT, "| %s | %d / %d | %,d | %,d | %,d | %s%% | %s |%n", name,
        (long) t[4], total, passed, failed, (long) t[2], rateText,
        SltMain.duration((long) (t[3] * 1000)));
  }

  /** Which commits, dates and core counts produced the recorded lines. */
  public String provenance() {
    TreeSet<String> commits = new TreeSet<>();
    TreeSet<String> days = new TreeSet<>();
    TreeSet<Integer> cores = new TreeSet<>();
    for (Row row : rows.values()) {
      commits.add(row.commit());
      days.add(row.date().length() >= 10 ? row.date().substring(0, 10) : row.date());
      cores.add(row.cores());
    }
    return String.format(Locale.ROOT, "%d files recorded in `%s`, run at commit%s %s on %s, "
        + "%s core%s (`availableProcessors`)", rows.size(),
        path.getFileName(), commits.size() == 1 ? "" : "s", String.join(", ", commits),
        String.join(", ", days), cores.toString().replaceAll("[\\[\\]]", ""),
        cores.size() == 1 && cores.first() == 1 ? "" : "s");
  }

  /** The current commit ({@code git rev-parse --short HEAD}), or "unknown". */
  public static String currentCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
          .redirectErrorStream(true).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      return p.waitFor() == 0 && !out.isEmpty() && !out.contains(" ") ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
