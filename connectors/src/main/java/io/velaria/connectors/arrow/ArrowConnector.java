package io.velaria.connectors.arrow;

import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;

/**
 * {@code USING arrow}: Arrow IPC files ({@code ARROW1} magic, random access) and streams.
 * Options: path (file, directory or glob), filename; see connectors/README.md.
 */
public final class ArrowConnector implements Connector {
  @Override
  public String name() {
    return "arrow";
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return ArrowTable.open(spec);
  }
}
