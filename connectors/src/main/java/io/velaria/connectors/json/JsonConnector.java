package io.velaria.connectors.json;

import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;

/**
 * {@code USING json}: JSON lines or one JSON array of objects per file. Options: path (file,
 * directory or glob), format ({@code json_lines}, {@code json_array}, {@code auto}), columns,
 * sample_rows, filename; see connectors/README.md.
 */
public final class JsonConnector implements Connector {
  @Override
  public String name() {
    return "json";
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return JsonTable.open(spec);
  }

  /** Appends JSON lines (INSERT into a json table, COPY ... TO ... (FORMAT json)). */
  @Override
  public io.velaria.engine.spi.TableWriter writer(TableSpec spec,
      java.util.List<io.velaria.engine.catalog.ColumnDef> columns) {
    return new JsonLinesWriter(spec, columns);
  }
}
