package io.velaria.connectors.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.connectors.Tables;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.ConnectorTable;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ExcelTest {
  @TempDir
  Path dir;

  /** A workbook with a typed sheet "people" and a second sheet "other". */
  public static Path sample(Path dir) throws Exception {
    Path file = dir.resolve("people.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(50);
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle ts = wb.createCellStyle();
      ts.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      Sheet s = wb.createSheet("people");
      Row h = s.createRow(0);
      String[] names = {"id", "name", "score", "born", "active", "seen", "total"};
      for (int i = 0; i < names.length; i++) {
        h.createCell(i).setCellValue(names[i]);
      }
      Object[][] rows = {
          {1, "Ada", 97.5, LocalDate.of(1915, 12, 10), true,
              LocalDateTime.of(2026, 1, 2, 10, 30), "=A2*2"},
          {2, "Grace", null, LocalDate.of(1906, 12, 9), false, null, "=A3*2"},
          {3, null, 88.25, null, null, LocalDateTime.of(2026, 3, 4, 5, 6), null}};
      int r = 1;
      for (Object[] row : rows) {
        Row x = s.createRow(r++);
        for (int c = 0; c < row.length; c++) {
          Object v = row[c];
          if (v == null) {
            continue;
          }
          Cell cell = x.createCell(c);
          if (v instanceof Integer) {
            cell.setCellValue((Integer) v);
          } else if (v instanceof Double) {
            cell.setCellValue((Double) v);
          } else if (v instanceof Boolean) {
            cell.setCellValue((Boolean) v);
          } else if (v instanceof LocalDate) {
            cell.setCellValue((LocalDate) v);
            cell.setCellStyle(date);
          } else if (v instanceof LocalDateTime) {
            cell.setCellValue((LocalDateTime) v);
            cell.setCellStyle(ts);
          } else if (((String) v).startsWith("=")) {
            cell.setCellFormula(((String) v).substring(1));
          } else {
            cell.setCellValue((String) v);
          }
        }
      }
      s.createRow(6); // an empty row further down is skipped
      Sheet o = wb.createSheet("other");
      o.createRow(0).createCell(0).setCellValue("x");
      o.createRow(1).createCell(0).setCellValue(42);
      o.createRow(2).createCell(1).setCellValue("out of range");
      wb.write(out);
    }
    return file;
  }

  @Test
  void readsTypedCellsWithHeader() throws Exception {
    Path f = sample(dir);
    ConnectorTable t = Tables.open(new ExcelConnector(), dir, "path", f.toString());
    assertEquals(List.of("id BIGINT", "name VARCHAR", "score DOUBLE", "born DATE",
        "active BOOLEAN", "seen TIMESTAMP", "total BIGINT"), Tables.schema(t));
    List<List<Object>> rows = Tables.rows(t);
    assertEquals(3, rows.size());
    // formulas read their cached value (SXSSF stores 0: it does not evaluate)
    assertEquals(Arrays.asList(1L, "Ada", 97.5, LocalDate.of(1915, 12, 10).toEpochDay(), true,
        1767349800000L, 0L), rows.get(0));
    assertEquals(Arrays.asList(3L, null, 88.25, null, null, 1772600760000L, null),
        rows.get(2));
    assertTrue(t.describe().contains("sheet='people'"));
  }

  @Test
  void sheetByIndexAndRangeWithoutHeader() throws Exception {
    Path f = sample(dir);
    ConnectorTable t = Tables.open(new ExcelConnector(), dir, "path", f.toString(),
        "sheet", "1", "header", "false", "range", "A1:A2");
    assertEquals(List.of("c0 VARCHAR"), Tables.schema(t));
    assertEquals(List.of(List.of("x"), List.of("42")), Tables.rows(t));
    ConnectorTable u = Tables.open(new ExcelConnector(), dir, "path", f.toString(),
        "sheet", "other", "range", "A1:A3");
    assertEquals(List.of("x BIGINT"), Tables.schema(u));
    assertEquals(List.of(List.of(42L)), Tables.rows(u));
  }

  @Test
  void errorsNameTheFile() throws Exception {
    Path f = sample(dir);
    VelariaException e = assertThrows(VelariaException.class, () -> Tables.open(
        new ExcelConnector(), dir, "path", f.toString(), "sheet", "nope"));
    assertEquals("22000", e.sqlState());
    assertTrue(e.getMessage().contains("sheet 'nope' not found in file " + f), e.getMessage());
    assertTrue(e.getMessage().contains("[people, other]"), e.getMessage());
    Path fake = dir.resolve("fake.xlsx");
    Files.writeString(fake, "id,name\n1,a\n");
    e = assertThrows(VelariaException.class, () -> Tables.open(new ExcelConnector(), dir,
        "path", fake.toString()));
    assertEquals("58030", e.sqlState());
    assertTrue(e.getMessage().contains("file " + fake + " is not an .xlsx workbook"),
        e.getMessage());
    e = assertThrows(VelariaException.class, () -> Tables.open(new ExcelConnector(), dir,
        "path", dir.resolve("missing.xlsx").toString()));
    assertEquals("58030", e.sqlState());
  }

  @Test
  void badCellValueNamesTheCell() throws Exception {
    Path f = sample(dir);
    ConnectorTable t = new ExcelConnector().open(Tables.spec(dir, List.of(
        io.velaria.engine.catalog.ColumnDef.of("id", io.velaria.engine.type.DataType.BIGINT),
        io.velaria.engine.catalog.ColumnDef.of("name", io.velaria.engine.type.DataType.BIGINT)),
        "path", f.toString(), "range", "A1:B4"));
    VelariaException e = assertThrows(VelariaException.class, () -> Tables.rows(t));
    assertEquals("22P02", e.sqlState());
    assertTrue(e.getMessage().contains("sheet 'people', cell B2 (name)"), e.getMessage());
  }
}
