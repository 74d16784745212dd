package io.velaria.connectors.excel;

import io.velaria.connectors.common.TextCells;
import io.velaria.connectors.common.TextParsers;
import io.velaria.engine.column.Batch;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** Streams the rows of one sheet into batches. */
final class ExcelBatchReader implements BatchReader {
  private final ExcelTable table;
  private final XlsxSheet sheet;
  private final TextCells cells;
  private final int[] sheetCols;
  private final long limit;
  private final int width;
  private long produced;
  private boolean headerSkipped;
  private boolean finished;

  ExcelBatchReader(ExcelTable table, int[] projection, long limit) {
    this.table = table;
    this.limit = limit;
    List<DataType> types = new ArrayList<>();
    sheetCols = new int[projection.length];
    for (int j = 0; j < projection.length; j++) {
      types.add(table.columns.get(projection[j]).type());
      sheetCols[j] = table.firstCol + projection[j];
    }
    width = table.columns.size();
    cells = new TextCells(types, Batch.DEFAULT_SIZE);
    sheet = new XlsxSheet(table.path, table.sheet);
    headerSkipped = !table.header;
  }

  @Override
  public Batch next() {
    if (finished) {
      return null;
    }
    int max = Batch.DEFAULT_SIZE;
    if (limit >= 0) {
      max = (int) Math.min(max, limit - produced);
    }
    while (cells.rows() < max) {
      if (!sheet.nextRow() || sheet.rowIndex > table.lastRow) {
        finished = true;
        break;
      }
      if (sheet.rowIndex < table.firstRow) {
        continue;
      }
      if (!headerSkipped) {
        headerSkipped = true;
        continue;
      }
      if (ExcelTable.isEmpty(sheet, table.firstCol, width)) {
        continue;
      }
      for (int j = 0; j < sheetCols.length; j++) {
        int c = sheetCols[j];
        Object v = c < sheet.width ? sheet.values[c] : null;
        if (v == null) {
          cells.putNull(j);
          continue;
        }
        String text = ExcelTable.text(v, cells.type(j));
        int r = cells.put(j, text);
        if (r != TextParsers.OK) {
          throw TextCells.valueError(r, cells.type(j), text, "in file " + table.path
              + ", sheet '" + sheet.sheetName + "', cell " + XlsxSheet.cellName(sheet.rowIndex,
                  c) + " (" + table.columns.get(c - table.firstCol).name() + ")");
        }
      }
      cells.endRow();
    }
    if (cells.rows() == 0) {
      finished = true;
      return null;
    }
    produced += cells.rows();
    return cells.build();
  }

  @Override
  public void close() {
    sheet.close();
  }
}
