package io.velaria.connectors.excel;

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

/** A large sheet streams in a child JVM with a 64 MB heap (a workbook DOM would need far more). */
class ExcelBigSheetTest {
  static final int ROWS = 150_000;

  @TempDir
  Path dir;

  @Test
  void bigSheetInSmallHeap() throws Exception {
    Path file = dir.resolve("big.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        OutputStream out = Files.newOutputStream(file)) {
      wb.setCompressTempFiles(true);
      Sheet s = wb.createSheet("data");
      Row h = s.createRow(0);
      h.createCell(0).setCellValue("id");
      h.createCell(1).setCellValue("name");
      h.createCell(2).setCellValue("score");
      h.createCell(3).setCellValue("flag");
      for (int i = 1; i <= ROWS; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(i);
        r.createCell(1).setCellValue("name number " + i);
        r.createCell(2).setCellValue(i * 0.5);
        r.createCell(3).setCellValue(i % 2 == 0);
      }
      wb.write(out);
      wb.close();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        ExcelCountMain.class.getName(), file.toString()).redirectErrorStream(true).start();
    String out;
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
      out = new String(p.getInputStream().readAllBytes()).trim();
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), out);
    String last = out.substring(out.lastIndexOf('\n') + 1);
    assertEquals(ROWS + " " + (long) ROWS * (ROWS + 1) / 2, last, out);
  }
}
