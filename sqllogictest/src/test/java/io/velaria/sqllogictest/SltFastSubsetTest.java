package io.velaria.sqllogictest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the fast subset of the SQLite sqllogictest suite ({@link Subsets#fast}) and fails on any
 * failure the baseline does not list. Baselined failures that now pass are reported (and
 * written to {@code target/slt-fixed.txt}) so the baseline can shrink; with
 * {@code -Dslt.strict=true} they fail the test too. {@code -Dslt.files=evidence/,select1.test}
 * runs other files instead (same arguments as {@link SltMain}).
 */
class SltFastSubsetTest {
  private static final List<String> FIXED = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> fastSubset() {
    Baseline baseline = Baseline.load();
    SltRunner runner = new SltRunner(SltRunner.DEFAULT_QUERY_TIMEOUT_SECONDS);
    boolean strict = Boolean.getBoolean("slt.strict");
    String only = System.getProperty("slt.files", "").strip();
    List<String> files = only.isEmpty() ? Subsets.fast(SltRunner.allFiles())
        : Subsets.expand(SltRunner.allFiles(), List.of(only.split("[,\\s]+")));
    return files.stream().map(file ->
        DynamicTest.dynamicTest(file, () -> {
          SltRunner.FileResult r = runner.run(file);
          Set<String> known = baseline.keys(file);
          Set<String> now = r.failureKeys();
          Set<String> added = Baseline.newFailures(known, now);
          Set<String> gone = Baseline.fixed(known, now);
          System.out.printf("%s: passed %d, failed %d, skipped %d, %.1f s%n", file, r.passed(),
              r.failedCount(), r.skipped(), r.millis() / 1000.0);
          if (!gone.isEmpty()) {
            synchronized (FIXED) {
              FIXED.addAll(gone);
            }
            System.out.println(file + ": " + gone.size() + " baselined failure(s) now pass;"
                + " remove them from " + Baseline.SOURCE_PATH + ": " + gone);
          }
          StringBuilder msg = new StringBuilder();
          if (!added.isEmpty()) {
            msg.append(added.size()).append(" new failure(s) in ").append(file).append(":\n");
            int shown = 0;
            for (SltRunner.Failure f : r.failures()) {
              if (added.contains(f.key()) && shown++ < 20) {
                msg.append("  ").append(f.key()).append(": ").append(f.message()).append("\n    ")
                    .append(f.query()).append('\n');
              }
            }
          }
          if (strict && !gone.isEmpty()) {
            msg.append("baselined failures now pass (strict): ").append(gone).append('\n');
          }
          if (msg.length() > 0) {
            fail(msg.toString());
          }
        }));
  }

  @AfterAll
  static void writeFixed() throws IOException {
    Path out = Path.of("target", "slt-fixed.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, FIXED, StandardCharsets.UTF_8);
    if (!FIXED.isEmpty()) {
      System.out.println(FIXED.size() + " baselined sqllogictest failures now pass; see " + out);
    }
  }
}
