package io.velaria.jdbc.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large sheet read through SQL in a child JVM limited to 256 MB of heap. The test uses
 * 100,000 rows to stay quick; the 1,000,000-row run is `FormatBench xlsx-read` in bench
 * (docs/benchmarks.md).
 */
class ExcelSqlHeapTest {
  static final int ROWS = 100_000;

  @TempDir
  Path dir;

  @Test
  void largeSheetThroughSqlIn256m() throws Exception {
    Path file = dir.resolve("big.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        OutputStream out = Files.newOutputStream(file)) {
      wb.setCompressTempFiles(true);
      Sheet s = wb.createSheet("data");
      Row h = s.createRow(0);
      h.createCell(0).setCellValue("id");
      h.createCell(1).setCellValue("k");
      h.createCell(2).setCellValue("v");
      for (int i = 1; i <= ROWS; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(i);
        r.createCell(1).setCellValue("key " + i % 1000);
        r.createCell(2).setCellValue(i * 0.5);
      }
      wb.write(out);
      wb.dispose();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ExcelSqlMain.class.getName(), file.toString()).redirectErrorStream(true).start();
    String out;
    try {
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM timed out");
      out = new String(p.getInputStream().readAllBytes()).trim();
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), out);
    String last = out.substring(out.lastIndexOf('\n') + 1);
    assertEquals(ROWS + " " + (long) ROWS * (ROWS + 1) / 2 + " 1000", last, out);
  }
}
