package io.velaria.connectors.excel;

import io.velaria.connectors.common.FileSet;
import io.velaria.connectors.common.FilePaths;
import io.velaria.connectors.common.TypeInference;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.CellRangeAddress;

/** One sheet of an .xlsx workbook opened as a table. */
final class ExcelTable implements ConnectorTable {
  static final Set<String> OPTIONS = Set.of("path", "sheet", "header", "range", "sample_rows");

  final Path path;
  final String sheet;
  final String sheetName;
  final boolean header;
  final int firstRow;
  final int lastRow;
  final int firstCol;
  final List<ColumnDef> columns;
  final String range;
  private final long estimate;

  private ExcelTable(Path path, String sheet, String sheetName, boolean header, int firstRow,
      int lastRow, int firstCol, List<ColumnDef> columns, String range, long estimate) {
    this.path = path;
    this.sheet = sheet;
    this.sheetName = sheetName;
    this.header = header;
    this.firstRow = firstRow;
    this.lastRow = lastRow;
    this.firstCol = firstCol;
    this.columns = columns;
    this.range = range;
    this.estimate = estimate;
  }

  static ExcelTable open(TableSpec spec) {
    FileSet.checkOptions(spec, "excel", OPTIONS);
    Path path = FilePaths.resolve(spec);
    FilePaths.checkReadableFile(path);
    boolean header = FileSet.booleanOption(spec, "header", true);
    String sheet = spec.option("sheet");
    int sampleRows = 1000;
    if (spec.option("sample_rows") != null) {
      try {
        sampleRows = Integer.parseInt(spec.option("sample_rows").trim());
      } catch (NumberFormatException e) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "option 'sample_rows' must be a"
            + " positive integer");
      }
    }
    int firstRow = 0;
    int lastRow = Integer.MAX_VALUE;
    int firstCol = 0;
    int lastCol = -1;
    String range = spec.option("range");
    if (range != null) {
      try {
        CellRangeAddress a = CellRangeAddress.valueOf(range.trim().toUpperCase(Locale.ROOT));
        firstRow = Math.max(0, a.getFirstRow());
        lastRow = a.getLastRow() < 0 ? Integer.MAX_VALUE : a.getLastRow();
        firstCol = Math.max(0, a.getFirstColumn());
        lastCol = a.getLastColumn();
        if (!range.contains(":")) {
          lastRow = Integer.MAX_VALUE;
          lastCol = -1;
        }
      } catch (RuntimeException e) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "option 'range' must look like"
            + " 'A1:D100', not '" + range + "'");
      }
    }
    List<ColumnDef> declared = spec.declaredColumns();
    try (XlsxSheet s = new XlsxSheet(path, sheet)) {
      List<String> names = null;
      TypeInference inference = new TypeInference();
      List<DataType> types = new ArrayList<>();
      int width = lastCol >= 0 ? lastCol - firstCol + 1 : 0;
      long rows = 0;
      boolean headerDone = !header;
      while (s.nextRow() && s.rowIndex <= lastRow) {
        if (s.rowIndex < firstRow) {
          continue;
        }
        int w = lastCol >= 0 ? lastCol - firstCol + 1 : Math.max(0, s.width - firstCol);
        if (!headerDone) {
          headerDone = true;
          names = new ArrayList<>();
          if (lastCol < 0) {
            width = w;
          }
          for (int c = 0; c < width; c++) {
            Object v = s.values.length > firstCol + c ? s.values[firstCol + c] : null;
            names.add(v == null ? "" : text(v, DataType.VARCHAR));
          }
          continue;
        }
        if (isEmpty(s, firstCol, w)) {
          continue;
        }
        if (rows >= sampleRows) {
          if (++rows > 100_000) {
            break; // enough for an estimate on a big sheet
          }
          continue; // counted for the estimate only
        }
        if (lastCol < 0 && names == null) {
          width = Math.max(width, w);
        }
        for (int c = 0; c < Math.min(w, width); c++) {
          Object v = s.values[firstCol + c];
          if (v != null) {
            while (types.size() <= c) {
              types.add(null);
            }
            types.set(c, TypeInference.merge(types.get(c), classify(v, inference)));
          }
        }
        rows++;
      }
      List<ColumnDef> cols;
      if (!declared.isEmpty()) {
        cols = declared;
      } else {
        if (width == 0) {
          throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot infer the columns of"
              + " sheet '" + s.sheetName + "' in file " + path + ": it is empty"
              + (range != null ? " in range " + range : "") + "; declare the columns");
        }
        cols = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int c = 0; c < width; c++) {
          String n = names != null && c < names.size() ? names.get(c).trim() : "";
          if (n.isEmpty()) {
            n = "c" + c;
          }
          String u = n;
          for (int k = 1; !used.add(u.toLowerCase(Locale.ROOT)); k++) {
            u = n + "_" + k;
          }
          DataType t = c < types.size() && types.get(c) != null ? types.get(c)
              : DataType.VARCHAR;
          cols.add(ColumnDef.of(u, t));
        }
      }
      return new ExcelTable(path, sheet, s.sheetName, header, firstRow, lastRow, firstCol,
          List.copyOf(cols), range, rows);
    }
  }

  static boolean isEmpty(XlsxSheet s, int firstCol, int width) {
    for (int c = firstCol; c < Math.min(s.width, firstCol + width); c++) {
      if (s.values[c] != null && !(s.values[c] instanceof String
          && ((String) s.values[c]).isBlank())) {
        return false;
      }
    }
    return true;
  }

  private static DataType classify(Object v, TypeInference inference) {
    if (v instanceof Double) {
      double d = (Double) v;
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? DataType.BIGINT : DataType.DOUBLE;
    }
    if (v instanceof Boolean) {
      return DataType.BOOLEAN;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalTime().equals(LocalTime.MIDNIGHT) ? DataType.DATE
          : DataType.TIMESTAMP;
    }
    String s = (String) v;
    return s.isBlank() ? null : DataType.VARCHAR;
  }

  /** A cell value as the text the column decoders read for a column of type {@code t}. */
  static String text(Object v, DataType t) {
    if (v instanceof Double) {
      double d = (Double) v;
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    }
    if (v instanceof LocalDateTime) {
      LocalDateTime x = (LocalDateTime) v;
      if (t.kind() == io.velaria.engine.type.TypeKind.DATE
          || (t.kind().isString() && x.toLocalTime().equals(LocalTime.MIDNIGHT))) {
        return x.toLocalDate().toString();
      }
      if (t.kind() == io.velaria.engine.type.TypeKind.TIME) {
        return x.toLocalTime().toString();
      }
      return x.toLocalDate() + " " + x.toLocalTime();
    }
    return v.toString();
  }

  @Override
  public List<ColumnDef> columns() {
    return columns;
  }

  @Override
  public long estimatedRowCount() {
    return estimate;
  }

  @Override
  public BatchReader read(ReadRequest request) {
    return new ExcelBatchReader(this, request.columns(), request.limit());
  }

  @Override
  public String describe() {
    return "excel path=" + path + " sheet='" + sheetName + "' header=" + header
        + (range != null ? " range=" + range : "");
  }
}
