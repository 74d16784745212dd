package io.velaria.connectors.bitable;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import java.util.List;

/**
 * {@code USING bitable}: a Lark/Feishu Bitable table over the Open API. Options: app_token,
 * table_id, view_id, credentials ({@code env:NAME} or {@code sysprop:NAME}), base_url; see
 * docs/connectors/bitable.md.
 */
public final class BitableConnector implements Connector {
  @Override
  public String name() {
    return "bitable";
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return BitableTable.open(spec);
  }

  @Override
  public TableWriter writer(TableSpec spec, List<ColumnDef> columns) {
    // the INSERT's columns are the table's own (as opened); re-read the fields for the writer
    return new BitableWriter(BitableTable.open(
        new TableSpec(spec.tableName(), columns, spec.options(), spec.workingDirectory())));
  }
}
