package io.velaria.engine.spi;

/**
 * A table format (csv, json, parquet, ...), found through {@link java.util.ServiceLoader}.
 * {@link #open} runs when the table is created and again when a database is reopened, so it
 * must check the path and schema eagerly: a missing file fails the CREATE, not the first query.
 */
public interface Connector {
  /** The name used in {@code USING name}, lower case. */
  String name();

  ConnectorTable open(TableSpec spec);

  /** Opens a writer for INSERT / sinks; formats that cannot write keep the default. */
  default TableWriter writer(TableSpec spec, java.util.List<io.velaria.engine.catalog.ColumnDef> columns) {
    throw new io.velaria.engine.error.VelariaException(
        io.velaria.engine.error.SqlStates.WRONG_OBJECT_TYPE,
        "format '" + name() + "' cannot be written to");
  }
}
