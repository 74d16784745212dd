package io.velaria.jdbc;

import io.velaria.engine.catalog.Catalog;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl.MetaFunction;
import org.apache.calcite.avatica.MetaImpl.MetaTypeInfo;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;

/** The SQL dialect as DatabaseMetaData describes it: types, functions, keywords. */
final class SqlInfo {
  /** Names of the function library's functions of one JDBC group (the registry is the source). */
  private static List<String> library(io.velaria.functions.Fn.Category category) {
    String names = io.velaria.functions.FunctionRegistry.names(category);
    return names.isEmpty() ? List.of() : List.of(names.split(","));
  }

  static final List<String> VELARIA_STRING_FUNCTIONS =
      library(io.velaria.functions.Fn.Category.STRING);
  static final List<String> VELARIA_NUMERIC_FUNCTIONS =
      library(io.velaria.functions.Fn.Category.NUMERIC);
  static final List<String> VELARIA_TIME_FUNCTIONS =
      library(io.velaria.functions.Fn.Category.TIMEDATE);
  /** Words Velaria's grammar adds to Calcite's. */
  static final List<String> VELARIA_KEYWORDS = List.of("KEYWORD", "HYBRID", "SEARCH", "QUERY",
      "TOP_K", "EF_SEARCH", "METRIC", "SCORE_THRESHOLD", "OPTIONS", "USING", "SOURCE", "SINK",
      "STREAM", "EVERY", "SLIDE");

  private SqlInfo() {}

  private static String join(String calcite, List<String> ours) {
    TreeSet<String> all = new TreeSet<>(ours);
    for (String s : calcite.split(",")) {
      if (!s.isBlank()) {
        all.add(s.trim());
      }
    }
    return String.join(",", all);
  }

  static String numericFunctions() {
    return join(SqlJdbcFunctionCall.getNumericFunctions(), VELARIA_NUMERIC_FUNCTIONS);
  }

  static String stringFunctions() {
    return join(SqlJdbcFunctionCall.getStringFunctions(), VELARIA_STRING_FUNCTIONS);
  }

  static String timeDateFunctions() {
    return join(SqlJdbcFunctionCall.getTimeDateFunctions(), VELARIA_TIME_FUNCTIONS);
  }

  static String systemFunctions() {
    return join(SqlJdbcFunctionCall.getSystemFunctions(), List.of());
  }

  static String keywords() {
    return join(SqlParser.create("").getMetadata().getJdbcKeywords(), VELARIA_KEYWORDS);
  }

  /** Every type of SPEC section 3, plus Velaria's alias names, ordered by DATA_TYPE. */
  static List<MetaTypeInfo> typeInfo() {
    List<MetaTypeInfo> rows = new ArrayList<>();
    rows.add(type("TINYINT", Types.TINYINT, 3, true));
    rows.add(type("BIGINT", Types.BIGINT, 19, true));
    rows.add(type("INT64", Types.BIGINT, 19, true));
    rows.add(new MetaTypeInfo("VARBINARY", Types.VARBINARY, JdbcTypes.UNBOUNDED, "X'", "'",
        (short) DatabaseMetaData.typeNullable, false, (short) DatabaseMetaData.typePredBasic,
        false, false, false, (short) 0, (short) 0, 0));
    rows.add(text("CHAR", Types.CHAR));
    rows.add(new MetaTypeInfo("DECIMAL", Types.DECIMAL, 18, null, null,
        (short) DatabaseMetaData.typeNullable, false, (short) DatabaseMetaData.typeSearchable,
        false, true, false, (short) 0, (short) 18, 10));
    rows.add(type("INTEGER", Types.INTEGER, 10, true));
    rows.add(type("SMALLINT", Types.SMALLINT, 5, true));
    rows.add(type("REAL", Types.REAL, 7, true));
    rows.add(type("DOUBLE", Types.DOUBLE, 15, true));
    rows.add(type("FLOAT", Types.DOUBLE, 15, true));
    rows.add(text("VARCHAR", Types.VARCHAR));
    rows.add(text("STRING", Types.VARCHAR));
    rows.add(text("TEXT", Types.VARCHAR));
    rows.add(type("BOOLEAN", Types.BOOLEAN, 1, false));
    rows.add(type("BOOL", Types.BOOLEAN, 1, false));
    rows.add(temporal("DATE", Types.DATE, 10, "DATE '", 0));
    rows.add(temporal("TIME", Types.TIME, 12, "TIME '", 3));
    rows.add(temporal("TIMESTAMP", Types.TIMESTAMP, 23, "TIMESTAMP '", 3));
    rows.add(new MetaTypeInfo("VECTOR", Types.ARRAY, 65535, null, null,
        (short) DatabaseMetaData.typeNullable, false, (short) DatabaseMetaData.typePredNone,
        false, false, false, (short) 0, (short) 0, 0));
    return rows;
  }

  private static MetaTypeInfo type(String name, int jdbc, int precision, boolean numeric) {
    return new MetaTypeInfo(name, jdbc, precision, null, null,
        (short) DatabaseMetaData.typeNullable, false, (short) DatabaseMetaData.typeSearchable,
        false, false, false, (short) 0, (short) 0, numeric ? 10 : 0);
  }

  private static MetaTypeInfo text(String name, int jdbc) {
    return new MetaTypeInfo(name, jdbc, JdbcTypes.UNBOUNDED, "'", "'",
        (short) DatabaseMetaData.typeNullable, true, (short) DatabaseMetaData.typeSearchable,
        false, false, false, (short) 0, (short) 0, 0);
  }

  private static MetaTypeInfo temporal(String name, int jdbc, int precision, String prefix,
      int scale) {
    return new MetaTypeInfo(name, jdbc, precision, prefix, "'",
        (short) DatabaseMetaData.typeNullable, false, (short) DatabaseMetaData.typeSearchable,
        false, false, false, (short) 0, (short) scale, 0);
  }

  /** Builtin functions (Velaria's and Calcite's standard ones) under the system schema. */
  static List<MetaFunction> functions(String catalogName, Meta.Pat schema, Meta.Pat name) {
    List<MetaFunction> rows = new ArrayList<>();
    if (!CatalogMetadata.catalogMatches(catalogName)
        || !CatalogMetadata.matches(schema, Catalog.SYSTEM_SCHEMA)) {
      return rows;
    }
    TreeSet<String> names = new TreeSet<>();
    names.addAll(VELARIA_STRING_FUNCTIONS);
    names.addAll(VELARIA_NUMERIC_FUNCTIONS);
    names.addAll(VELARIA_TIME_FUNCTIONS);
    names.addAll(io.velaria.functions.FunctionRegistry.names());
    for (SqlOperator op : SqlStdOperatorTable.instance().getOperatorList()) {
      String n = op.getName();
      if (op instanceof SqlFunction && n.matches("[A-Za-z_][A-Za-z_0-9]*")) {
        names.add(n.toUpperCase(Locale.ROOT));
      }
    }
    for (String n : names) {
      if (CatalogMetadata.matches(name, n)) {
        rows.add(new MetaFunction(CatalogMetadata.CATALOG, Catalog.SYSTEM_SCHEMA, n,
            (short) DatabaseMetaData.functionResultUnknown, n));
      }
    }
    return rows;
  }
}
