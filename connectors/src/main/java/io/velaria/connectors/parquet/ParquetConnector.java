package io.velaria.connectors.parquet;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import java.util.List;

/**
 * {@code USING parquet}: Parquet files read and written with Parquet-MR. Options: path (file,
 * directory or glob), compression (for writing), filename, row_group_rows (for writing); see
 * connectors/README.md.
 */
public final class ParquetConnector implements Connector {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return ParquetTable.open(spec);
  }

  @Override
  public TableWriter writer(TableSpec spec, List<ColumnDef> columns) {
    return new ParquetTableWriter(spec, columns);
  }
}
