package io.velaria.connectors.excel;

import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;

/**
 * {@code USING excel}: one sheet of an .xlsx workbook, streamed (XSSFReader + StAX). Options:
 * path, sheet (name or 0-based index), header, range, sample_rows; see connectors/README.md.
 */
public final class ExcelConnector implements Connector {
  @Override
  public String name() {
    return "excel";
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return ExcelTable.open(spec);
  }
}
