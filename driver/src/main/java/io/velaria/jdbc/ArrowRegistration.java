package io.velaria.jdbc;

import io.velaria.connectors.arrow.ArrowData;
import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.ConnectorTable;
import java.sql.SQLException;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/** {@link VelariaConnection#registerArrow}: Arrow data in the caller's hands as a table. */
final class ArrowRegistration {
  private ArrowRegistration() {}

  static void register(VelariaConnection conn, String name, ArrowReader reader)
      throws SQLException {
    check(conn, name, reader);
    Errors.call(() -> add(conn, name, ArrowData.table(reader)));
  }

  static void register(VelariaConnection conn, String name, VectorSchemaRoot root)
      throws SQLException {
    check(conn, name, root);
    Errors.call(() -> add(conn, name, ArrowData.table(root)));
  }

  private static void check(VelariaConnection conn, String name, Object data)
      throws SQLException {
    if (conn.isClosed()) {
      throw new SQLException("the connection is closed", "08003");
    }
    if (name == null || name.isBlank()) {
      throw new SQLException("registerArrow needs a table name", "42602");
    }
    if (data == null) {
      throw new SQLException("registerArrow needs Arrow data, not null", "22004");
    }
    if (conn.catalog().find(Catalog.USER_SCHEMA, name).isPresent()) {
      // before reading the data, which may be a one-shot stream
      throw new SQLException("table or view '" + name + "' already exists", "42P07");
    }
  }

  private static Void add(VelariaConnection conn, String name, ConnectorTable table) {
    Catalog catalog = conn.catalog();
    if (catalog.find(Catalog.USER_SCHEMA, name).isPresent()) {
      throw new VelariaException(SqlStates.DUPLICATE_TABLE,
          "table or view '" + name + "' already exists");
    }
    catalog.addTransient(new TableDefinition(Catalog.USER_SCHEMA, name, TableKind.EXTERNAL,
        table.columns(), "arrow", Map.of("source", "memory"), null, null), table);
    return null;
  }
}
