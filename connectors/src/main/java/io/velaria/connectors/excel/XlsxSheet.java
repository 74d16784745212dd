package io.velaria.connectors.excel;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * One worksheet of an .xlsx file read as a stream of rows: XSSFReader gives the sheet's XML
 * part and a StAX pull parser walks it, so only the current row (plus the shared strings
 * table) is in memory. Cell values are String, Double, Boolean or LocalDateTime (numbers
 * whose style is a date format); error cells and empty cells are null.
 */
final class XlsxSheet implements AutoCloseable {
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  final Path file;
  final String sheetName;
  private final OPCPackage pkg;
  private final InputStream in;
  private final XMLStreamReader xml;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final Boolean[] dateStyles;
  /** Current row: 0-based index and values by 0-based column. */
  int rowIndex = -1;
  Object[] values = new Object[16];
  int width;
  private boolean done;

  XlsxSheet(Path file, String sheet) {
    this.file = file;
    OPCPackage p;
    try {
      p = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (Exception | LinkageError e) {
      throw new VelariaException(SqlStates.IO_ERROR, "file " + file + " is not an .xlsx"
          + " workbook (" + firstLine(e) + ")", e);
    }
    this.pkg = p;
    try {
      XSSFReader r = new XSSFReader(pkg);
      strings = new ReadOnlySharedStringsTable(pkg, false);
      styles = r.getStylesTable();
      dateStyles = new Boolean[styles == null ? 0 : styles.getNumCellStyles()];
      XSSFReader.SheetIterator it = r.getSheetIterator();
      List<String> names = new ArrayList<>();
      InputStream found = null;
      String foundName = null;
      Integer index = parseIndex(sheet);
      int i = 0;
      while (it.hasNext()) {
        InputStream s = it.next();
        String name = it.getSheetName();
        names.add(name);
        boolean match = sheet == null ? i == 0 : index != null ? i == index
            : name.equalsIgnoreCase(sheet.trim());
        if (match && found == null) {
          found = s;
          foundName = name;
        } else {
          s.close();
        }
        i++;
      }
      if (found == null) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION, (sheet == null ? "no sheet"
            : "sheet '" + sheet + "' not found") + " in file " + file + "; its sheets are "
            + names + (index != null ? " (indexes 0.." + (names.size() - 1) + ")" : ""));
      }
      sheetName = foundName;
      in = found;
      xml = XML.createXMLStreamReader(in);
    } catch (VelariaException e) {
      pkg.revert();
      throw e;
    } catch (Exception e) {
      pkg.revert();
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read workbook " + file + ": "
          + firstLine(e), e);
    }
  }

  private static Integer parseIndex(String sheet) {
    if (sheet == null) {
      return null;
    }
    try {
      return Integer.parseInt(sheet.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /** Reads the next row that has at least one cell; false at the end of the sheet. */
  boolean nextRow() {
    if (done) {
      return false;
    }
    try {
      while (xml.hasNext()) {
        int ev = xml.next();
        if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          String r = xml.getAttributeValue(null, "r");
          rowIndex = r != null ? Integer.parseInt(r) - 1 : rowIndex + 1;
          readCells();
          return true;
        }
        if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
          break;
        }
      }
      done = true;
      return false;
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof VelariaException) {
        throw (VelariaException) e;
      }
      throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "invalid sheet XML in file " + file
          + ", sheet '" + sheetName + "' after row " + (rowIndex + 1) + ": " + firstLine(e), e);
    }
  }

  private void readCells() throws XMLStreamException {
    Arrays.fill(values, 0, width, null);
    width = 0;
    int col = -1;
    while (xml.hasNext()) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        return;
      }
      if (ev != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
        continue;
      }
      String ref = xml.getAttributeValue(null, "r");
      col = ref != null ? new CellReference(ref).getCol() : col + 1;
      String t = xml.getAttributeValue(null, "t");
      String s = xml.getAttributeValue(null, "s");
      String v = null;
      StringBuilder inline = null;
      while (xml.hasNext()) {
        ev = xml.next();
        if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
          break;
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String n = xml.getLocalName();
          if (n.equals("v")) {
            v = xml.getElementText();
          } else if (n.equals("t")) {
            if (inline == null) {
              inline = new StringBuilder();
            }
            inline.append(xml.getElementText());
          }
        }
      }
      Object value = value(t, s, v, inline);
      if (value != null) {
        if (col >= values.length) {
          values = Arrays.copyOf(values, Math.max(col + 1, values.length * 2));
        }
        values[col] = value;
        width = Math.max(width, col + 1);
      }
    }
  }

  private Object value(String t, String s, String v, StringBuilder inline) {
    if (t == null || t.equals("n")) {
      if (v == null || v.isEmpty()) {
        return null;
      }
      double d = Double.parseDouble(v);
      if (s != null && isDateStyle(Integer.parseInt(s)) && DateUtil.isValidExcelDate(d)) {
        return DateUtil.getLocalDateTime(d, false, true);
      }
      return d;
    }
    switch (t) {
      case "s":
        return v == null ? null : strings.getItemAt(Integer.parseInt(v.trim())).getString();
      case "inlineStr":
        return inline == null ? null : inline.toString();
      case "str":
        return v;
      case "b":
        return v == null ? null : v.trim().equals("1") || v.trim().equalsIgnoreCase("true");
      case "d":
        return v == null ? null : LocalDateTime.parse(v.length() == 10 ? v + "T00:00" : v);
      default: // "e": an error value such as #DIV/0!
        return null;
    }
  }

  private boolean isDateStyle(int idx) {
    if (styles == null || idx < 0 || idx >= dateStyles.length) {
      return false;
    }
    Boolean b = dateStyles[idx];
    if (b == null) {
      XSSFCellStyle st = styles.getStyleAt(idx);
      b = st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
      dateStyles[idx] = b;
    }
    return b;
  }

  /** Cell reference text, e.g. B7, for messages. */
  static String cellName(int row, int col) {
    return CellReference.convertNumToColString(col) + (row + 1);
  }

  @Override
  public void close() {
    try {
      xml.close();
      in.close();
    } catch (XMLStreamException | IOException ignored) {
      // read-only
    }
    pkg.revert();
  }

}
