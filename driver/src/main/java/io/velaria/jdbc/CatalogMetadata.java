package io.velaria.jdbc;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl.MetaCatalog;
import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.avatica.MetaImpl.MetaSchema;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.avatica.MetaImpl.MetaTableType;

/**
 * The rows of DatabaseMetaData's catalog methods, read from the engine's {@link Catalog}.
 * Patterns are JDBC LIKE patterns ({@code %}, {@code _}, {@code \} escape) matched ignoring
 * case, as the engine looks names up ignoring case; so every name returned here is accepted
 * back by the other methods.
 */
final class CatalogMetadata {
  static final String CATALOG = JdbcTypes.CATALOG;
  static final List<String> TABLE_TYPES =
      List.of("TABLE", "VIEW", "SYSTEM TABLE", "SOURCE TABLE", "SINK TABLE");

  private final Catalog catalog;

  CatalogMetadata(Catalog catalog) {
    this.catalog = catalog;
  }

  /** A JDBC LIKE pattern as a case-insensitive predicate; null matches everything. */
  static Pattern like(String pattern) {
    if (pattern == null) {
      return null;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  static boolean matches(Meta.Pat pat, String name) {
    Pattern p = like(pat == null ? null : pat.s);
    return p == null || p.matcher(name).matches();
  }

  /** null and "" mean "any catalog"; Velaria has exactly one. */
  static boolean catalogMatches(String catalogName) {
    return catalogName == null || catalogName.isEmpty() || catalogName.equalsIgnoreCase(CATALOG);
  }

  /** User entries, then system entries, each with its schema name as the catalog has it. */
  private List<TableDefinition> definitions() {
    List<TableDefinition> defs = new ArrayList<>();
    for (CatalogEntry e : catalog.entries()) {
      defs.add(e.definition());
    }
    for (CatalogEntry e : catalog.systemEntries()) {
      defs.add(e.definition());
    }
    return defs;
  }

  /**
   * Tables of the given types; {@code types == null} means all, system tables included. A
   * list of just {"TABLE"} (sqllogictest's cleanup) sees only user tables.
   */
  List<MetaTable> tables(String catalogName, Meta.Pat schema, Meta.Pat table,
      List<String> types) {
    List<MetaTable> rows = new ArrayList<>();
    if (!catalogMatches(catalogName)) {
      return rows;
    }
    Set<String> wanted = null;
    if (types != null) {
      wanted = new HashSet<>();
      for (String t : types) {
        wanted.add(t == null ? "" : t.trim().toUpperCase(Locale.ROOT));
      }
    }
    for (TableDefinition d : definitions()) {
      String type = d.kind().jdbcType();
      if ((wanted == null || wanted.contains(type)) && matches(schema, d.schema())
          && matches(table, d.name())) {
        rows.add(new MetaTable(CATALOG, d.schema(), d.name(), type));
      }
    }
    return rows;
  }

  List<MetaColumn> columns(String catalogName, Meta.Pat schema, Meta.Pat table,
      Meta.Pat column) {
    List<MetaColumn> rows = new ArrayList<>();
    if (!catalogMatches(catalogName)) {
      return rows;
    }
    for (TableDefinition d : definitions()) {
      if (!matches(schema, d.schema()) || !matches(table, d.name())) {
        continue;
      }
      List<ColumnDef> cols = d.columns();
      for (int i = 0; i < cols.size(); i++) {
        ColumnDef c = cols.get(i);
        if (matches(column, c.name())) {
          rows.add(column(d, c, i + 1));
        }
      }
    }
    return rows;
  }

  private static MetaColumn column(TableDefinition d, ColumnDef c, int ordinal) {
    DataType t = c.type();
    TypeKind k = t.kind();
    Integer decimals = k.isNumeric() || k == TypeKind.TIME || k == TypeKind.TIMESTAMP
        ? JdbcTypes.scale(t) : null;
    Integer octets = k.isString() || k == TypeKind.VARBINARY ? JdbcTypes.precision(t) : null;
    return new MetaColumn(CATALOG, d.schema(), d.name(), c.name(), JdbcTypes.jdbcType(k),
        JdbcTypes.typeName(k), JdbcTypes.precision(t), decimals, JdbcTypes.radix(k),
        c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        octets, ordinal, c.nullable() ? "YES" : "NO", "NO", "NO");
  }

  List<MetaSchema> schemas(String catalogName, Meta.Pat schema) {
    List<MetaSchema> rows = new ArrayList<>();
    if (catalogMatches(catalogName)) {
      for (String s : catalog.schemas()) {
        if (matches(schema, s)) {
          rows.add(new MetaSchema(CATALOG, s));
        }
      }
    }
    return rows;
  }

  static List<MetaCatalog> catalogs() {
    return List.of(new MetaCatalog(CATALOG));
  }

  static List<MetaTableType> tableTypes() {
    List<MetaTableType> rows = new ArrayList<>();
    for (String t : TABLE_TYPES) {
      rows.add(new MetaTableType(t));
    }
    return rows;
  }
}
