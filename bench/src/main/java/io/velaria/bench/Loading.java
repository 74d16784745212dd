package io.velaria.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL statements that make one TPC-H table available to an engine from its '|' file. */
final class Loading {
    private Loading() {}

    static List<String> statements(EngineKind kind, TpchSchema.Table table, String file) {
        String name = table.name();
        switch (kind) {
            case VELARIA_CSV:
                return List.of(velariaCsvTable(name, table, file));
            case VELARIA_MANAGED:
                return List.of(
                        velariaCsvTable("csv_" + name, table, file),
                        "CREATE TABLE " + name + " (" + table.columnDefinitions() + ")",
                        "INSERT INTO " + name + " SELECT * FROM csv_" + name,
                        "DROP TABLE csv_" + name);
            case DUCKDB_CSV:
                return List.of("CREATE VIEW " + name + " AS SELECT * FROM " + duckDbReadCsv(table, file));
            case DUCKDB_MEMORY:
                return List.of(
                        "CREATE TABLE " + name + " (" + table.columnDefinitions() + ")",
                        "INSERT INTO " + name + " SELECT * FROM " + duckDbReadCsv(table, file));
            case H2_MEMORY:
                List<String> h2 = new ArrayList<>(List.of(
                        "CREATE TABLE " + name + " (" + table.columnDefinitions() + ")",
                        "INSERT INTO " + name + " SELECT * FROM " + h2CsvRead(table, file)));
                h2.addAll(h2Indexes(name));
                return h2;
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /**
     * H2 is a row store that joins by index lookups: without indexes every join is a nested loop
     * over whole tables. It gets unique indexes on the primary keys and indexes on the foreign-key columns that
     * the TPC-H specification allows (built during the load and counted in its load time).
     */
    private static List<String> h2Indexes(String table) {
        switch (table) {
            case "region": return List.of(primaryKey(table, "r_regionkey"));
            case "nation": return List.of(primaryKey(table, "n_nationkey"), index(table, "n_regionkey"));
            case "supplier": return List.of(primaryKey(table, "s_suppkey"), index(table, "s_nationkey"));
            case "customer": return List.of(primaryKey(table, "c_custkey"), index(table, "c_nationkey"));
            case "part": return List.of(primaryKey(table, "p_partkey"));
            case "partsupp": return List.of(primaryKey(table, "ps_partkey, ps_suppkey"), index(table, "ps_suppkey"));
            case "orders": return List.of(primaryKey(table, "o_orderkey"), index(table, "o_custkey"));
            case "lineitem": return List.of(primaryKey(table, "l_orderkey, l_linenumber"),
                    index(table, "l_partkey, l_suppkey"), index(table, "l_suppkey"));
            default: return List.of();
        }
    }

    private static String primaryKey(String table, String columns) {
        return "CREATE UNIQUE INDEX " + table + "_pk ON " + table + " (" + columns + ")";
    }

    private static String index(String table, String columns) {
        return "CREATE INDEX " + table + "_" + columns.replace(", ", "_") + " ON " + table + " (" + columns + ")";
    }

    private static String velariaCsvTable(String name, TpchSchema.Table table, String file) {
        return "CREATE TABLE " + name + " (" + table.columnDefinitions() + ") USING csv OPTIONS(path: "
                + quote(file) + ", delimiter: '|', header: 'false')";
    }

    /** {@code read_csv('/f.tbl', delim='|', header=false, columns={'a': 'INTEGER', ...})} */
    private static String duckDbReadCsv(TpchSchema.Table table, String file) {
        String columns = table.columns().stream()
                .map(c -> quote(c.name()) + ": " + quote(c.sqlType()))
                .collect(Collectors.joining(", "));
        return "read_csv(" + quote(file) + ", delim='|', header=false, columns={" + columns + "})";
    }

    /** H2's CSVREAD with the column names separated by the field separator and quoting off. */
    private static String h2CsvRead(TpchSchema.Table table, String file) {
        String names = table.columns().stream().map(TpchSchema.Column::name).collect(Collectors.joining("|"));
        return "CSVREAD(" + quote(file) + ", " + quote(names) + ", 'charset=UTF-8 fieldSeparator=| fieldDelimiter= preserveWhitespace=true')";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
