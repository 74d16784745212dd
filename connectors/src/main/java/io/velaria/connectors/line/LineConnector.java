package io.velaria.connectors.line;

import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;

/**
 * {@code USING line}: text files read line by line, split on a delimiter
 * ({@code mode: 'split'}) or matched by a regular expression whose groups become columns
 * ({@code mode: 'regex'}). See connectors/README.md.
 */
public final class LineConnector implements Connector {
  @Override
  public String name() {
    return "line";
  }

  @Override
  public ConnectorTable open(TableSpec spec) {
    return LineTable.open(spec);
  }
}
