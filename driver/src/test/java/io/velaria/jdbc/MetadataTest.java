package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.type.DataType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData over a catalog filled directly (no SQL needed). */
class MetadataTest {
  static Connection withTables(String name) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:velaria:mem:" + name);
    Catalog catalog = c.unwrap(VelariaConnection.class).catalog();
    catalog.add(new TableDefinition(Catalog.USER_SCHEMA, "People", TableKind.MANAGED, List.of(
        new ColumnDef("id", DataType.INTEGER, false), ColumnDef.of("name", DataType.varchar(40)),
        ColumnDef.of("score", DataType.decimal(10, 2)), ColumnDef.of("emb", DataType.vector(3))),
        null, Map.of(), null, "p1"), null);
    catalog.add(new TableDefinition(Catalog.USER_SCHEMA, "adults", TableKind.VIEW,
        List.of(ColumnDef.of("id", DataType.INTEGER)), null, Map.of(),
        "SELECT id FROM People", null), null);
    catalog.registerSystemTable(new TableDefinition(Catalog.SYSTEM_SCHEMA, "streams",
        TableKind.SYSTEM, List.of(ColumnDef.of("query_id", DataType.VARCHAR)), null, Map.of(),
        null, null), null);
    return c;
  }

  static List<String> column(ResultSet rs, String label) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(label));
      }
    }
    return out;
  }

  @Test
  void tablesByType() throws SQLException {
    try (Connection c = withTables("meta1")) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of("People"),
          column(md.getTables(null, null, "%", new String[] {"TABLE"}), "TABLE_NAME"));
      assertEquals(List.of("People", "adults", "streams"),
          column(md.getTables(null, null, "%", null), "TABLE_NAME"));
      assertEquals(List.of("streams"),
          column(md.getTables(null, "velaria", "%", new String[] {"SYSTEM TABLE"}), "TABLE_NAME"));
      assertEquals(List.of("adults"),
          column(md.getTables("velaria", "main", "ad_lt%", new String[] {"VIEW"}), "TABLE_NAME"));
      assertEquals(List.of("People"), column(md.getTables(null, "MAIN", "PEOPLE", null),
          "TABLE_NAME"), "patterns ignore case like the engine's lookups");
      assertEquals(List.of(), column(md.getTables(null, null, "P\\_ople", null), "TABLE_NAME"));
    }
  }

  @Test
  void columnsTypesAndOrdinals() throws SQLException {
    try (Connection c = withTables("meta2");
         ResultSet rs = c.getMetaData().getColumns(null, "main", "People", "%")) {
      assertTrue(rs.next());
      assertEquals("id", rs.getString("COLUMN_NAME"));
      assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
      assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
      assertEquals(1, rs.getInt("ORDINAL_POSITION"));
      assertTrue(rs.next());
      assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
      assertEquals(40, rs.getInt("COLUMN_SIZE"));
      assertEquals("YES", rs.getString("IS_NULLABLE"));
      assertTrue(rs.next());
      assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
      assertEquals(10, rs.getInt("COLUMN_SIZE"));
      assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
      assertTrue(rs.next());
      assertEquals(Types.ARRAY, rs.getInt("DATA_TYPE"));
      assertEquals("VECTOR", rs.getString("TYPE_NAME"));
      assertEquals(4, rs.getInt("ORDINAL_POSITION"));
      assertFalse(rs.next());
    }
  }

  @Test
  void dbeaverBrowseSequence() throws SQLException {
    try (Connection c = withTables("meta3")) {
      DbeaverReplay.browse(c);
    }
  }

  @Test
  void dialectInfo() throws SQLException {
    try (Connection c = withTables("meta4")) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals("Velaria", md.getDatabaseProductName());
      assertEquals("\"", md.getIdentifierQuoteString());
      assertTrue(md.storesMixedCaseIdentifiers());
      assertFalse(md.supportsMixedCaseIdentifiers());
      assertTrue(md.getSQLKeywords().contains("KEYWORD"));
      assertTrue(md.getStringFunctions().contains("CONCAT_WS"));
      assertTrue(md.getTimeDateFunctions().contains("YEARWEEK"));
      assertTrue(md.getNumericFunctions().contains("ABS"));
      assertEquals(List.of("velaria"), column(md.getCatalogs(), "TABLE_CAT"));
      assertEquals(List.of("main", "velaria"), column(md.getSchemas(), "TABLE_SCHEM"));
      assertEquals(CatalogMetadata.TABLE_TYPES, column(md.getTableTypes(), "TABLE_TYPE"));
      List<String> types = column(md.getTypeInfo(), "TYPE_NAME");
      for (String t : List.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL",
          "DOUBLE", "DECIMAL", "VARCHAR", "DATE", "TIME", "TIMESTAMP", "VARBINARY", "VECTOR")) {
        assertTrue(types.contains(t), t);
      }
      assertTrue(column(md.getFunctions(null, null, "CONCAT%"), "FUNCTION_NAME")
          .contains("CONCAT_WS"));
    }
  }
}
