package io.velaria.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accumulated full-run file: survives a reload, replaces a re-run file, sums per directory. */
class ResultsFileTest {
  private static SltRunner.FileResult result(String file, int passed, int failed, int skipped,
      long millis) {
    return new SltRunner.FileResult(file, passed, failed, skipped, 0, millis, millis, List.of(),
        null, null, List.of(), 10);
  }

  @Test
  void recordsReloadsAndReplaces(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("results/full-run.tsv");
    ResultsFile r = ResultsFile.load(path);
    assertFalse(r.contains("test/a/x.test"));
    r.record(result("test/a/x.test", 90, 10, 5, 2000), "abc1234");
    r.record(result("test/a/y.test", 50, 0, 0, 1000), "abc1234");
    r.record(result("test/b/z.test", 7, 0, 3, 500), "abc1234");

    ResultsFile again = ResultsFile.load(path);
    assertTrue(again.contains("test/a/x.test"));
    assertEquals(3, again.rows().size());
    ResultsFile.Row x = again.rows().get(0);
    assertEquals("test/a/x.test", x.file());
    assertEquals(90, x.passed());
    assertEquals(10, x.failed());
    assertEquals(5, x.skipped());
    assertEquals(2.0, x.seconds());
    assertEquals("abc1234", x.commit());

    // a re-run replaces the file's line instead of adding one
    again.record(result("test/a/x.test", 100, 0, 5, 3000), "def5678");
    List<String> lines = Files.readAllLines(path);
    assertEquals(4, lines.size()); // header + 3 files
    assertEquals(ResultsFile.HEADER, lines.get(0));
    assertTrue(lines.get(1).startsWith("test/a/x.test\t100\t0\t5\t3.0\tdef5678\t"));

    String table = ResultsFile.load(path).directoryTable(
        List.of("test/a/x.test", "test/a/y.test", "test/a/w.test", "test/b/z.test"));
    assertTrue(table.contains("| test/a | 2 / 3 | 150 | 0 | 5 | 100.00% | 4.0 s |"), table);
    assertTrue(table.contains("| test/b | 1 / 1 | 7 | 0 | 3 | 100.00% | 0.5 s |"), table);
    assertTrue(table.contains("| **total** | 3 / 4 | 157 | 0 | 8 | 100.00% | 4.5 s |"), table);
  }

  @Test
  void passRateCountsFailures(@TempDir Path dir) throws IOException {
    ResultsFile r = ResultsFile.load(dir.resolve("r.tsv"));
    r.record(result("test/a/x.test", 3, 1, 0, 100), "c");
    String table = r.directoryTable(List.of("test/a/x.test"));
    assertTrue(table.contains("| test/a | 1 / 1 | 3 | 1 | 0 | 75.00% |"), table);
  }
}
