package io.velaria.sqllogictest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command line for the sqllogictest conformance run. See the module README for the command.
 *
 * <pre>
 * SltMain [--timeout SECONDS] [--max-minutes M] [--doc FILE] [--failures FILE]
 *         [--update-baseline FILE] [--check] [-q] [--results FILE [--resume] [--commit C]]
 *         (@fast | @all | PATH-SUBSTRING)...
 * SltMain --render-only --results FILE --doc DOC
 * </pre>
 *
 * <p>{@code --render-only} runs nothing: it only renders the table of the results file into the
 * document (a {@code --resume} run with {@code --doc} runs the files not yet recorded first).
 */
public final class SltMain {
  private SltMain() {}

  public static void main(String[] args) throws IOException {
    int timeout = SltRunner.DEFAULT_QUERY_TIMEOUT_SECONDS;
    double maxMinutes = 0;
    Path doc = null;
    Path failuresOut = null;
    Path baselineOut = null;
    boolean check = false;
    boolean quiet = false;
    Path resultsPath = null;
    boolean resume = false;
    String commit = null;
    boolean renderOnly = false;
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--timeout" -> timeout = Integer.parseInt(args[++i]);
        case "--max-minutes" -> maxMinutes = Double.parseDouble(args[++i]);
        case "--doc" -> doc = Path.of(args[++i]);
        case "--failures" -> failuresOut = Path.of(args[++i]);
        case "--update-baseline" -> baselineOut = Path.of(args[++i]);
        case "--check" -> check = true;
        case "-q" -> quiet = true;
        case "--results" -> resultsPath = Path.of(args[++i]);
        case "--resume" -> resume = true;
        case "--commit" -> commit = args[++i];
        case "--render-only" -> renderOnly = true;
        case "-h", "--help" -> {
          usage(System.out);
          return;
        }
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println("unknown option " + args[i]);
            usage(System.err);
            System.exit(2);
          }
          patterns.add(args[i]);
        }
      }
    }
    if (renderOnly) {
      if (resultsPath == null || doc == null) {
        System.err.println("--render-only needs --results FILE and --doc FILE");
        System.exit(2);
      }
      renderOnly(resultsPath, doc, patterns, System.out);
      return;
    }
    if (resume && resultsPath == null) {
      System.err.println("--resume needs --results FILE");
      System.exit(2);
    }
    List<String> allFiles = SltRunner.allFiles();
    List<String> files = Subsets.expand(allFiles, patterns);
    ResultsFile recorded = resultsPath == null ? null : ResultsFile.load(resultsPath);
    if (commit == null && recorded != null) {
      commit = ResultsFile.currentCommit();
    }
    if (resume) {
      int before = files.size();
      files = files.stream().filter(f -> !recorded.contains(f)).toList();
      System.out.printf("resume: %d of %d selected files already in %s%n",
          before - files.size(), before, resultsPath);
    }
    if (files.isEmpty() && resume && doc != null) {
      writeResultsDoc(doc, recorded, allFiles);
      System.out.println("nothing left to run; wrote " + doc);
      return;
    }
    if (files.isEmpty()) {
      System.err.println("no test file matches " + patterns);
      System.exit(2);
    }
    Baseline baseline = Baseline.load();
    SltRunner runner = new SltRunner(timeout);
    PrintStream out = System.out;
    out.printf("sqllogictest: %d files, %d cores, query timeout %ds%s%n", files.size(),
        Runtime.getRuntime().availableProcessors(), timeout,
        maxMinutes > 0 ? ", stop starting files after " + maxMinutes + " min" : "");
    long start = System.nanoTime();
    List<SltRunner.FileResult> results = new ArrayList<>();
    int newFailures = 0;
    int fixed = 0;
    PrintWriter failures = failuresOut == null ? null : new PrintWriter(
        Files.newBufferedWriter(failuresOut, StandardCharsets.UTF_8));
    for (String f : files) {
      if (maxMinutes > 0 && (System.nanoTime() - start) / 60e9 > maxMinutes) {
        out.printf("time limit reached: %d of %d files not run%n", files.size() - results.size(),
            files.size());
        break;
      }
      SltRunner.FileResult r = runner.run(f);
      results.add(r);
      if (recorded != null) {
        recorded.record(r, commit);
      }
      Set<String> known = baseline.keys(f);
      Set<String> now = r.failureKeys();
      Set<String> added = Baseline.newFailures(known, now);
      Set<String> gone = Baseline.fixed(known, now);
      newFailures += added.size();
      fixed += gone.size();
      out.printf(Locale.ROOT,
          "%-4s %-48s passed %7d failed %6d skipped %6d %8.1fs %6.2f cpu-ms/record%s%s%n",
          r.failedCount() == 0 ? "ok" : "FAIL", f, r.passed(), r.failedCount(), r.skipped(),
          r.millis() / 1000.0, r.cpuMillisPerRecord(),
          added.isEmpty() ? "" : "  NEW " + added.size(),
          gone.isEmpty() ? "" : "  FIXED " + gone.size());
      if (!quiet && !r.unexpectedSuccesses().isEmpty()) {
        out.println("     " + r.unexpectedSuccesses().size() + " 'statement error' record(s)"
            + " succeeded (not counted by the library), first: " + r.unexpectedSuccesses().get(0));
      }
      if (!quiet && r.aborted()) {
        out.println("     abandoned after statement: " + r.abortedStatement());
        out.println("     error: " + r.abortError());
      }
      if (failures != null) {
        for (SltRunner.Failure x : r.failures()) {
          failures.println(x.key() + "\t" + x.message().replace('\t', ' ') + "\t"
              + x.query().replace('\t', ' '));
        }
        failures.flush();
      }
      out.flush();
    }
    if (failures != null) {
      failures.close();
    }
    long totalMillis = (System.nanoTime() - start) / 1_000_000;
    String table = directoryTable(results, totalMillis);
    out.println();
    out.print(table);
    out.printf("baseline: %d known failures; this run: %d new, %d fixed%n", baseline.size(),
        newFailures, fixed);
    if (doc != null && recorded != null) {
      writeResultsDoc(doc, recorded, allFiles);
      out.println("wrote " + doc + " from " + resultsPath);
    } else if (doc != null) {
      writeDoc(doc, patterns, results, table, totalMillis, files.size());
      out.println("wrote " + doc);
    }
    if (baselineOut != null) {
      Baseline b = Baseline.load(baselineOut);
      b.replace(results);
      b.write(baselineOut);
      out.println("wrote " + baselineOut + " (" + b.size() + " known failures)");
    }
    if (check && newFailures > 0) {
      System.exit(1);
    }
  }

  /**
   * Renders the results file's per-directory table into the document without running any file.
   * Patterns are accepted (so that a run's command line can be reused) but play no part: the
   * table always covers everything recorded, against the whole suite's file counts.
   */
  static void renderOnly(Path resultsPath, Path doc, List<String> patterns, PrintStream out)
      throws IOException {
    if (!Files.exists(resultsPath)) {
      throw new IOException("no results file " + resultsPath);
    }
    if (!patterns.isEmpty()) {
      out.println("--render-only: ignoring " + patterns + " (the table covers the whole file)");
    }
    ResultsFile recorded = ResultsFile.load(resultsPath);
    writeResultsDoc(doc, recorded, SltRunner.allFiles());
    out.println("rendered " + recorded.rows().size() + " recorded files of " + resultsPath
        + " into " + doc + " (nothing run)");
  }

  static String directoryTable(List<SltRunner.FileResult> results, long totalMillis) {
    StringBuilder sb = new StringBuilder();
    sb.append("| directory | files | passed | failed | skipped | pass rate | time |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    long[] sum = new long[5];
    for (Map.Entry<String, long[]> e : SltRunner.byDirectory(results).entrySet()) {
      long[] t = e.getValue();
      for (int i = 0; i < 5; i++) {
        sum[i] += t[i];
      }
      sb.append(row(e.getKey(), t));
    }
    sum[3] = totalMillis;
    sb.append(row("**total**", sum));
    return sb.toString();
  }

  private static String row(String name, long[] t) {
    double rate = t[0] + t[1] == 0 ? 100 : 100.0 * t[0] / (t[0] + t[1]);
    return String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %s%% | %s |%n", name, t[4],
        t[0], t[1], t[2], rate == 100 || rate < 99.99 ? String.format(Locale.ROOT, "%.2f", rate)
            : String.format(Locale.ROOT, "%.4f", rate), duration(t[3]));
  }

  static String duration(long millis) {
    long s = millis / 1000;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }

  static final String BEGIN = "<!-- slt-run:begin -->";
  static final String END = "<!-- slt-run:end -->";

  /** Writes the full-suite table accumulated in the results file into the document. */
  static void writeResultsDoc(Path doc, ResultsFile recorded, List<String> allFiles)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("Full-suite results accumulated by `SltMain --results --resume` (")
        .append(recorded.provenance()).append(", Java ")
        .append(System.getProperty("java.version"))
        .append("). Time is the sum of the files' own times; files not yet run are not "
            + "counted.\n\n");
    sb.append(recorded.directoryTable(allFiles));
    replaceSection(doc, sb.toString());
  }

  /** Replaces the generated section of the conformance document (or appends one). */
  static void writeDoc(Path doc, List<String> patterns, List<SltRunner.FileResult> results,
      String table, long totalMillis, int selected) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Run of %s on %s: %d of %d selected files, %d cores (`availableProcessors`), "
            + "Java %s, total time %s.%n%n",
        patterns.isEmpty() ? "all files" : "`" + String.join(" ", patterns) + "`",
        LocalDate.now(), results.size(), selected, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), duration(totalMillis)));
    sb.append(table);
    replaceSection(doc, sb.toString());
  }

  private static void replaceSection(Path doc, String body) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(BEGIN).append('\n').append(body).append(END).append('\n');
    String text = Files.exists(doc) ? Files.readString(doc) : "# SQL conformance\n\n";
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + sb + text.substring(e + END.length() + 1);
    } else {
      text = text + "\n" + sb;
    }
    Files.writeString(doc, text);
  }

  static void usage(PrintStream out) {
    out.println("usage: SltMain [--timeout SECONDS] [--max-minutes M] [--doc FILE]"
        + " [--failures FILE] [--update-baseline FILE] [--check] [-q]"
        + " [--results FILE [--resume] [--commit C]] (@fast|@all|PATH)...");
    out.println("       SltMain --render-only --results FILE --doc FILE");
    out.println("  --results FILE  record each finished file's result in FILE (tab-separated);"
        + " with --doc, the document's table is rendered from FILE");
    out.println("  --resume        skip files already recorded in the --results FILE");
    out.println("  --render-only   run nothing; render the --results FILE's table into --doc");
    out.println("  PATH is a substring of a test path, e.g. select1.test, evidence/,"
        + " index/between/10/, random/");
  }
}
