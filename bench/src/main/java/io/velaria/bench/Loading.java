package io.velaria.bench;

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
                return List.of(
                        "CREATE TABLE " + name + " (" + table.columnDefinitions() + ")",
                        "INSERT INTO " + name + " SELECT * FROM " + h2CsvRead(table, file));
            default:
                throw new IllegalArgumentException(kind.toString());
        }
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
        return "CSVREAD(" + quote(file) + ", " + quote(names) + ", 'charset=UTF-8 fieldSeparator=| fieldDelimiter=')";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
