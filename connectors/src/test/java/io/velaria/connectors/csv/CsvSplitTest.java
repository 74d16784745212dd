package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.type.DataType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CsvSplitTest {
  static Path dir;
  static Path file;
  static CsvGen gen;

  @BeforeAll
  static void generate() throws Exception {
    dir = Files.createTempDirectory("csvsplit");
    file = dir.resolve("big.csv");
    gen = CsvGen.generate(file, 40L << 20, 1_000_000);
  }

  @AfterAll
  static void cleanup() throws Exception {
    try (var s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  static ConnectorTable table(DataType tagType) {
    return CsvTestSupport.open(file, List.of(col("id", DataType.BIGINT),
        col("name", DataType.VARCHAR), col("value", DataType.DOUBLE), col("tag", tagType)));
  }

  @Test
  void splitsTogetherReadEveryRowOnce() throws Exception {
    ConnectorTable t = table(DataType.VARCHAR);
    ReadRequest req = new ReadRequest(new int[] {0, 2, 1}, List.of(), -1);
    Object[] single = CsvCountMain.sum(t.read(req));
    assertEquals(gen.rows, single[0]);
    assertEquals(gen.idSum, single[1]);
    assertEquals(gen.valueSum, (Double) single[2]);
    for (int n : new int[] {2, 4}) {
      List<BatchReader> splits = t.split(req, n);
      assertEquals(n, splits.size());
      long rows = 0;
      long ids = 0;
      double values = 0;
      for (BatchReader r : splits) {
        Object[] p = CsvCountMain.sum(r);
        assertTrue((Long) p[0] > 0);
        rows += (Long) p[0];
        ids += (Long) p[1];
        values += (Double) p[2];
      }
      assertEquals(gen.rows, rows, n + " splits");
      assertEquals(gen.idSum, ids, n + " splits");
      assertEquals(gen.valueSum, values, n + " splits");
    }
    long est = t.estimatedRowCount();
    assertTrue(Math.abs(est - gen.rows) < gen.rows / 10, "estimate " + est + " vs " + gen.rows);
  }

  @Test
  void errorInALaterSplitHasTheAbsoluteLineNumber() {
    ConnectorTable t = table(DataType.INTEGER);
    List<BatchReader> splits = t.split(new ReadRequest(new int[] {3}, List.of(), -1), 4);
    int failed = -1;
    for (int k = 0; k < splits.size(); k++) {
      BatchReader r = splits.get(k);
      try (r) {
        CsvTestSupport.drain(r);
      } catch (VelariaException e) {
        assertEquals(-1, failed, "two splits failed");
        failed = k;
        assertEquals(SqlStates.INVALID_TEXT_REPRESENTATION, e.sqlState());
        assertTrue(e.getMessage().contains("invalid INTEGER value 'x'"), e.getMessage());
        assertTrue(e.getMessage().contains(", line " + gen.badLine + ","), e.getMessage());
        assertTrue(e.getMessage().contains("column 4 (tag)"), e.getMessage());
      }
    }
    assertTrue(failed > 0, "the bad row should be in a later split, was in " + failed);
  }

  @Test
  void smallFilesAreNotSplit() throws Exception {
    Path small = dir.resolve("small.csv");
    Files.writeString(small, "a\n1\n");
    assertEquals(1, CsvTestSupport.open(small, List.of())
        .split(new ReadRequest(new int[] {0}, List.of(), -1), 4).size());
  }

  /** A file larger than the child JVM's heap is streamed: rows and sums are right. */
  @Test
  void fileLargerThanHeapInChildJvm() throws Exception {
    Path big = dir.resolve("huge.csv");
    CsvGen g = CsvGen.generate(big, 150L << 20, -1);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
        CsvCountMain.class.getName(), big.toString())
        .redirectErrorStream(true).start();
    String out;
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
      out = new String(p.getInputStream().readAllBytes()).trim();
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), out);
    String[] f = out.split(" ");
    assertEquals(String.valueOf(g.rows), f[0], out);
    assertEquals(String.valueOf(g.idSum), f[1], out);
    assertEquals(g.valueSum, Double.parseDouble(f[2]), out);
    assertTrue(Files.size(big) > 3L * 48 * 1024 * 1024);
    Files.delete(big);
  }
}
