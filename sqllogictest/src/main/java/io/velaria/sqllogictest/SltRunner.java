package io.velaria.sqllogictest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import net.hydromatic.sqllogictest.Main;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestLoader;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * Runs test files of the SQLite sqllogictest suite ({@code net.hydromatic:sql-logic-test}) one
 * at a time through the library's own {@link TestLoader} with a {@link VelariaExecutor}, and
 * reports each file's outcome with a stable key per failure (see {@link FileResult#failureKeys}).
 */
public final class SltRunner {
  /** Default per-query timeout: generous; only a runaway query should reach it. */
  public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 120;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final int queryTimeoutSeconds;

  public SltRunner(int queryTimeoutSeconds) {
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  /** All test files of the suite, e.g. {@code test/select1.test}, sorted. */
  public static List<String> allFiles() {
    Set<String> files = new TreeSet<>(Main.getTestList());
    return new ArrayList<>(files);
  }

  /**
   * Files whose path contains any of the patterns (the library's own rule for its arguments);
   * no pattern means all files.
   */
  public static List<String> select(List<String> all, List<String> patterns) {
    if (patterns.isEmpty()) {
      return all;
    }
    Predicate<String> p = f -> patterns.stream().anyMatch(f::contains);
    List<String> out = new ArrayList<>();
    for (String f : all) {
      if (p.test(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The directory of a test file, e.g. {@code test/index/between/10}. */
  public static String directory(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  /** One failure: a key stable across runs and a one-line description. */
  public record Failure(String key, String query, String message) {}

  /** The outcome of one file. */
  public record FileResult(String file, int passed, int failed, int skipped, int notRun,
      long millis, long cpuMillis, List<Failure> failures, String abortedStatement, String abortError,
      List<String> unexpectedSuccesses, long statements) {
    /**
     * Keys of all failures: {@code file:LINE} for a query (LINE as the library counts it), and
     * {@code file:statement#N} when the N-th statement failed and the library abandoned the rest
     * of the file.
     */
    public Set<String> failureKeys() {
      Set<String> keys = new TreeSet<>(Comparator.comparing(SltRunner::sortKey));
      for (Failure f : failures) {
        keys.add(f.key());
      }
      return keys;
    }

    /**
     * CPU milliseconds of the running thread per executed record (queries and statements):
     * unlike wall time, this hardly depends on what else the machine runs.
     */
    public double cpuMillisPerRecord() {
      long records = (long) passed + failed + statements;
      return records == 0 ? 0 : (double) cpuMillis / records;
    }

    public boolean aborted() {
      return abortedStatement != null;
    }

    /**
     * Failed queries, plus the queries a failed statement kept from running (at least one when
     * a file was abandoned).
     */
    public int failedCount() {
      return failed + Math.max(notRun, aborted() ? 1 : 0);
    }
  }

  /** Sorts keys by file, then numerically by line. */
  static String sortKey(String key) {
    int colon = key.lastIndexOf(':');
    String tail = key.substring(colon + 1);
    if (tail.chars().allMatch(Character::isDigit)) {
      return key.substring(0, colon) + ":" + String.format("%09d", Long.parseLong(tail));
    }
    return key;
  }

  /** Runs one file in a fresh in-memory database. */
  public FileResult run(String file) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    OptionsParser parser = new OptionsParser(false, quiet, quiet);
    AtomicReference<VelariaExecutor> executor = new AtomicReference<>();
    parser.registerExecutor("velaria", () -> {
      VelariaExecutor e = new VelariaExecutor(parser.getOptions(), queryTimeoutSeconds);
      executor.set(e);
      return e;
    });
    OptionsParser.SuppliedOptions options = parser.parse("-e", "velaria", file);
    if (options.exitCode != 0) {
      throw new IllegalStateException("cannot parse sqllogictest options for " + file);
    }
    int included;
    int total;
    try {
      SltTestFile parsed = new SltTestFile(file);
      parsed.parse(options);
      included = parsed.getTestCount();
      total = countQueryRecords(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    TestLoader loader = new TestLoader(options);
    String crash = null;
    try {
      loader.visitFile(file);
    } catch (RuntimeException | Error e) {
      crash = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      if (executor.get() != null) {
        executor.get().closeQuietly();
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    TestStatistics stats = loader.statistics;
    List<Failure> failures = new ArrayList<>();
    for (TestStatistics.FailedTestDescription d : failuresOf(stats)) {
      String key = file + ":" + lineOf(d.query);
      String msg = d.error == null ? "" : d.error;
      if (d.exception != null && d.exception.getMessage() != null) {
        msg = d.exception.getMessage();
      }
      failures.add(new Failure(key, d.query.getQuery(), firstLine(msg)));
    }
    String aborted = null;
    String abortError = null;
    VelariaExecutor e = executor.get();
    if (e != null && e.failedStatement() != null) {
      aborted = e.failedStatement();
      abortError = firstLine(e.failedStatementError());
      failures.add(new Failure(file + ":statement#" + e.failedStatementIndex(), aborted,
          abortError));
    } else if (crash != null) {
      aborted = "(runner)";
      abortError = firstLine(crash);
      failures.add(new Failure(file + ":crash", aborted, abortError));
    }
    int passed = stats.getPassedTestCount();
    int failed = stats.getFailedTestCount();
    int ignored = stats.getIgnoredTestCount();
    int notRun = Math.max(0, included - passed - failed - ignored);
    int skipped = total - included + ignored;
    return new FileResult(file, passed, failed, skipped, notRun, millis, cpuMillis, failures,
        aborted, abortError, e == null ? List.of() : List.copyOf(e.unexpectedSuccesses()),
        e == null ? 0 : e.statementsRun());
  }

  /** Query records in the raw file, including those the skipif/onlyif rules leave out. */
  static int countQueryRecords(String file) throws IOException {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    try (InputStream in = Objects.requireNonNull(cl.getResourceAsStream(file), file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8))) {
      int n = 0;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("query")) {
          n++;
        }
      }
      return n;
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    if (nl >= 0) {
      t = t.substring(0, nl);
    }
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }

  // The library keeps these package-private; reading them is the only way to key failures.
  @SuppressWarnings("unchecked")
  private static List<TestStatistics.FailedTestDescription> failuresOf(TestStatistics stats) {
    try {
      Field f = TestStatistics.class.getDeclaredField("failures");
      f.setAccessible(true);
      return (List<TestStatistics.FailedTestDescription>) f.get(stats);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("sql-logic-test changed: no TestStatistics.failures", e);
    }
  }

  private static int lineOf(SqlTestQuery q) {
    try {
      Field f = SqlTestQuery.class.getDeclaredField("line");
      f.setAccessible(true);
      return f.getInt(q);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("sql-logic-test changed: no SqlTestQuery.line", e);
    }
  }

  /** Totals per directory, in order of first appearance. */
  public static Map<String, long[]> byDirectory(List<FileResult> results) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (FileResult r : results) {
      long[] t = out.computeIfAbsent(directory(r.file()), d -> new long[5]);
      // passed, failed, skipped, millis, files
      t[0] += r.passed();
      t[1] += r.failedCount();
      t[2] += r.skipped();
      t[3] += r.millis();
      t[4]++;
    }
    return out;
  }
}
