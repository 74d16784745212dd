package io.velaria.connectors.csv;

import io.velaria.connectors.common.ColumnDecoder;
import io.velaria.connectors.common.RowFilter;
import io.velaria.connectors.common.TextParsers;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.type.PhysicalKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads batches of up to {@link Batch#DEFAULT_SIZE} rows from a byte range of a CSV file.
 * Only the requested columns are decoded; other fields are just delimited by the scanner.
 */
final class CsvBatchReader implements BatchReader {
  private final CsvTable table;
  private final java.nio.file.Path file;
  private final CsvOptions options;
  private final CsvScanner scanner;
  /** Table columns to decode: the projection, then columns only the filter reads. */
  private final int[] projection;
  private final int outputColumns;
  private final ColumnDecoder[] decoders;
  private final RowFilter filter;
  private final int[] selection;
  private final int columnCount;
  private final long limit;
  private long produced;
  private boolean finished;

  CsvBatchReader(CsvTable table, java.nio.file.Path file, ReadRequest request, long start,
      long end) {
    this.table = table;
    this.file = file;
    this.options = table.options;
    this.columnCount = table.columns.size();
    this.outputColumns = request.columns().length;
    List<PhysicalKind> kinds = new ArrayList<>();
    for (ColumnDef c : table.columns) {
      kinds.add(c.type().physical());
    }
    this.filter = RowFilter.of(request.predicates(), kinds);
    int[] cols = request.columns().clone();
    if (filter != null) {
      for (int c : filter.columns()) {
        if (Arrays.stream(cols).noneMatch(x -> x == c)) {
          cols = Arrays.copyOf(cols, cols.length + 1);
          cols[cols.length - 1] = c;
        }
      }
    }
    this.projection = cols;
    this.selection = filter == null ? null : new int[Batch.DEFAULT_SIZE];
    this.limit = request.limit();
    this.decoders = new ColumnDecoder[projection.length];
    for (int j = 0; j < projection.length; j++) {
      if (projection[j] < 0 || projection[j] >= columnCount) {
        throw new IllegalArgumentException("no column " + projection[j] + " in " + table.path);
      }
      decoders[j] = ColumnDecoder.of(table.columns.get(projection[j]).type(),
          Batch.DEFAULT_SIZE, options.charset);
    }
    this.scanner = new CsvScanner(CsvTable.openChannel(file), file, options, start,
        end, columnCount, table.maxRecordBytes);
    try {
      if (start == 0) {
        for (int i = 0; i < options.skipRows && scanner.skipLine(); i++) {
          // skipped lines before the header
        }
        if (options.header) {
          scanner.next();
        }
      }
      scanner.skipBlankLines(columnCount != 1);
    } catch (RuntimeException e) {
      scanner.close();
      throw e;
    }
  }

  @Override
  public Batch next() {
    while (!finished) {
      long remaining = limit < 0 ? Long.MAX_VALUE : limit - produced;
      // With a filter the limit counts rows that pass it, so whole batches are scanned.
      int max = (int) Math.min(Batch.DEFAULT_SIZE, filter == null ? remaining : Long.MAX_VALUE);
      int rows = 0;
      if (remaining > 0) {
        while (rows < max && scanner.next()) {
          readRow(rows++);
        }
      }
      if (rows == 0) {
        finished = true;
        return null;
      }
      Column[] cols = new Column[decoders.length];
      for (int j = 0; j < decoders.length; j++) {
        cols[j] = decoders[j].build(rows);
      }
      Batch batch = new Batch(cols, rows);
      if (filter != null) {
        batch = applyFilter(batch, remaining);
        if (batch.rowCount() == 0) {
          continue;
        }
      }
      produced += batch.rowCount();
      return batch;
    }
    return null;
  }

  private Batch applyFilter(Batch batch, long remaining) {
    Column[] byTableColumn = new Column[columnCount];
    for (int j = projection.length - 1; j >= 0; j--) {
      byTableColumn[projection[j]] = batch.column(j);
    }
    int kept = filter.filter(byTableColumn, batch.rowCount(), selection);
    kept = (int) Math.min(kept, remaining);
    if (kept < batch.rowCount()) {
      batch = batch.select(selection, kept);
    }
    if (outputColumns < projection.length) {
      int[] out = new int[outputColumns];
      for (int j = 0; j < out.length; j++) {
        out[j] = j;
      }
      batch = batch.project(out);
    }
    return batch;
  }

  private void readRow(int row) {
    CsvScanner sc = scanner;
    int fields = sc.fieldCount();
    if (fields != columnCount && !options.lenient) {
      throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "row has " + fields + " field"
          + (fields == 1 ? "" : "s") + " but the table has " + columnCount + " column"
          + (columnCount == 1 ? "" : "s") + " in file " + file + ", line "
          + sc.recordLineNumber());
    }
    byte[] b = sc.buffer();
    byte[] nullValue = options.nullValue;
    for (int j = 0; j < projection.length; j++) {
      int c = projection[j];
      ColumnDecoder d = decoders[j];
      if (c >= fields) {
        d.setNull(row);
        continue;
      }
      int r;
      if (sc.flags(c) == 0) {
        int s = sc.start(c);
        int e = sc.end(c);
        if (s == e || (nullValue != null && isNullText(b, s, e, nullValue))) {
          d.setNull(row);
          continue;
        }
        r = d.decode(b, s, e, row);
      } else {
        sc.value(c);
        r = d.decode(sc.valueBuf, sc.valueStart, sc.valueEnd, row);
      }
      if (r != TextParsers.OK) {
        if (!options.lenient) {
          throw badValue(c, r);
        }
        d.setNull(row);
      }
    }
  }

  /** Whether b[s,e) is exactly the null_value text. */
  static boolean isNullText(byte[] b, int s, int e, byte[] nullValue) {
    if (nullValue == null || e - s != nullValue.length) {
      return false;
    }
    for (int k = 0; k < nullValue.length; k++) {
      if (b[s + k] != nullValue[k]) {
        return false;
      }
    }
    return true;
  }

  private VelariaException badValue(int c, int code) {
    scanner.value(c);
    int n = scanner.valueEnd - scanner.valueStart;
    String text = new String(scanner.valueBuf, scanner.valueStart, Math.min(n, 100),
        options.charset) + (n > 100 ? "..." : "");
    ColumnDef col = table.columns.get(c);
    String where = " in file " + file + ", line " + scanner.recordLineNumber()
        + ", column " + (c + 1) + " (" + col.name() + ")";
    if (code == TextParsers.OUT_OF_RANGE) {
      return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE, "value '" + text
          + "' is out of range for " + col.type().sqlName() + where);
    }
    return new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION, "invalid "
        + col.type().sqlName() + " value '" + text + "'" + where);
  }

  @Override
  public void close() {
    finished = true;
    scanner.close();
  }
}
