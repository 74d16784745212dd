package io.velaria.connectors.csv;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import java.util.List;

/**
 * {@code USING csv}: delimited text files. Options: path (required), delimiter, header, quote,
 * escape, null_value, lenient, encoding, skip_rows, sample_rows; see connectors/README.md.
 */
public class CsvConnector implements Connector {
  private final String name;
  private final char defaultDelimiter;
  private final long maxRecordBytes;

  public CsvConnector() {
    this("csv", ',', CsvScanner.DEFAULT_MAX_RECORD_BYTES);
  }

  protected CsvConnector(String name, char defaultDelimiter, long maxRecordBytes) {
    this.name = name;
    this.defaultDelimiter = defaultDelimiter;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** A connector that rejects records longer than {@code bytes} (tests use a small limit). */
  public static CsvConnector withMaxRecordBytes(long bytes) {
    return new CsvConnector("csv", ',', bytes);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return CsvTable.open(name, spec, defaultDelimiter, maxRecordBytes);
  }

  @Override
  public TableWriter writer(TableSpec spec, List<ColumnDef> columns) {
    String path = spec.option("path");
    if (path != null && io.velaria.connectors.common.FileSet.hasGlob(path)) {
      throw new io.velaria.engine.error.VelariaException(
          io.velaria.engine.error.SqlStates.WRONG_OBJECT_TYPE, "cannot write to table "
              + spec.tableName() + ": its path '" + path + "' is a glob; write to a file or a"
              + " directory");
    }
    return new CsvWriter(spec, columns, defaultDelimiter, name);
  }
}
