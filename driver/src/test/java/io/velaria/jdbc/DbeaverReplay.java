package io.velaria.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls DBeaver makes when it connects and the user expands the tree and opens a table,
 * in that order. Shared by the in-process test and the fresh-JVM smoke main. Returns the
 * number of tables browsed.
 */
public final class DbeaverReplay {
  private DbeaverReplay() {}

  public static int browse(Connection c) throws SQLException {
    return browse(c, "Velaria");
  }

  /**
   * The same, for a driver that names the product differently (Avatica's remote driver reports
   * its own fixed name, "Avatica", whatever server it talks to).
   */
  public static int browse(Connection c, String productName) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    check(md.getDatabaseProductName().equals(productName),
        "product name " + md.getDatabaseProductName());
    md.getDatabaseProductVersion();
    md.getDriverName();
    md.getDriverVersion();
    md.getIdentifierQuoteString();
    md.getSQLKeywords();
    md.getNumericFunctions();
    md.getStringFunctions();
    md.getTimeDateFunctions();
    md.getSystemFunctions();
    md.supportsTransactions();
    c.getAutoCommit();
    c.getTransactionIsolation();
    c.isReadOnly();
    c.getCatalog();
    c.getSchema();
    drain(md.getCatalogs());
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = md.getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    }
    check(schemas.contains("main"), "schema main listed");
    drain(md.getTableTypes());
    drain(md.getTypeInfo());
    int tables = 0;
    for (String schema : schemas) {
      List<String[]> names = new ArrayList<>();
      try (ResultSet rs = md.getTables("velaria", schema, "%", null)) {
        while (rs.next()) {
          names.add(new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
              rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE")});
        }
      }
      for (String[] t : names) {
        tables++;
        // names come back exactly as returned: every call must accept them
        int cols = drain(md.getColumns(t[0], t[1], t[2], "%"));
        check(cols > 0, "columns of " + t[2]);
        drain(md.getPrimaryKeys(t[0], t[1], t[2]));
        drain(md.getImportedKeys(t[0], t[1], t[2]));
        drain(md.getExportedKeys(t[0], t[1], t[2]));
        drain(md.getIndexInfo(t[0], t[1], t[2], false, true));
      }
    }
    drain(md.getProcedures("velaria", null, "%"));
    drain(md.getFunctions("velaria", null, "%"));
    return tables;
  }

  /** Opens a table the way DBeaver's data tab does and reads it with its metadata. */
  public static int openTable(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(200);
      s.setFetchSize(200);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData m = rs.getMetaData();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          m.getColumnLabel(i);
          m.getColumnName(i);
          m.getColumnType(i);
          m.getColumnTypeName(i);
          m.getPrecision(i);
          m.getScale(i);
          m.isNullable(i);
          m.getTableName(i);
          m.getSchemaName(i);
          m.getColumnClassName(i);
        }
        int rows = 0;
        while (rs.next()) {
          for (int i = 1; i <= m.getColumnCount(); i++) {
            rs.getObject(i);
          }
          rows++;
        }
        return rows;
      }
    }
  }

  private static int drain(ResultSet rs) throws SQLException {
    int n = 0;
    try (rs) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= cols; i++) {
          rs.getObject(i);
        }
        n++;
      }
    }
    return n;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("DBeaver replay: " + what);
    }
  }
}
